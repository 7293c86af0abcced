package fr.ptce.observatory.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.schedule.PipelineJob;
import fr.ptce.observatory.schedule.api.OperatorApi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Runs: the latest first (the page refreshes itself while one is going), one run with its
 * steps and its error, the form that starts a run, and stop, restart, abandon. Everything
 * goes through the operator API's own methods, so that the console accepts and refuses
 * exactly what the API does.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class RunsController {

	private final OperatorApi api;

	private final RunList list;

	public RunsController(OperatorApi api, JdbcTemplate jdbc) {
		this.api = api;
		this.list = new RunList(jdbc);
	}

	@GetMapping("/executions")
	public String list(@RequestParam(required = false) String job, Model model) {
		PipelineJob chosen = job == null || job.isBlank() ? null : PipelineJob.find(job).orElse(null);
		List<Map<String, Object>> runs = list.latest(chosen, 100);
		model.addAttribute("runs", runs);
		model.addAttribute("job", chosen == null ? null : chosen.shortName());
		model.addAttribute("jobs", PipelineJob.values());
		model.addAttribute("refresh", runs.stream().anyMatch(r -> ConsoleModel.FORMAT.running(r.get("status"))));
		return "console/executions";
	}

	@GetMapping("/executions/{id}")
	public String run(@PathVariable long id, Model model) {
		Map<String, Object> run = api.run(id);
		model.addAttribute("run", run);
		model.addAttribute("refresh", ConsoleModel.FORMAT.running(run.get("status")));
		return "console/execution";
	}

	@GetMapping("/lancer")
	public String form(Model model) {
		model.addAttribute("jobs", PipelineJob.values());
		return "console/lancer";
	}

	/**
	 * Starts a run: the job and its parameters as the form gives them (empty fields are
	 * not given).
	 */
	@PostMapping("/executions")
	@Access(Access.Level.OPERATOR)
	public String start(@RequestParam MultiValueMap<String, String> form) {
		String job = form.getFirst("job");
		PipelineJob pipeline = PipelineJob.find(job).orElse(null);
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (pipeline != null) {
			for (String name : pipeline.parameters().keySet()) {
				String value = form.getFirst(name);
				if (value != null && !value.isBlank()) {
					parameters.put(name, value.strip());
				}
			}
		}
		Map<String, Object> run = api.start(new OperatorApi.StartRun(job, parameters)).getBody();
		return "redirect:/executions/" + run.get("id");
	}

	@PostMapping("/executions/{id}/{action}")
	@Access(Access.Level.OPERATOR)
	public String act(@PathVariable long id, @PathVariable String action) {
		switch (action) {
			case "arreter" -> api.stop(id);
			case "relancer" -> {
				Map<String, Object> run = api.restart(id).getBody();
				return "redirect:/executions/" + run.get("id");
			}
			case "abandonner" -> api.abandon(id);
			default -> throw ConsoleException.notFound();
		}
		return "redirect:/executions/" + id;
	}

}
