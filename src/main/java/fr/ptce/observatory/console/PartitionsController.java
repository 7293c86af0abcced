package fr.ptce.observatory.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.schedule.JobRuns;
import fr.ptce.observatory.schedule.api.OperatorApi;
import fr.ptce.observatory.schedule.backfill.PartitionStates;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partition grid (steps × years, each cell the state of the last run that covered it,
 * linked to that run) and backfills: the form, its dry-run preview (the API's own plan),
 * the backfill started and followed.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class PartitionsController {

	private final OperatorApi api;

	private final JobRuns runs;

	private final ZoneId zone;

	public PartitionsController(OperatorApi api, JobRuns runs, fr.ptce.observatory.ObservatoryProperties properties) {
		this.api = api;
		this.runs = runs;
		this.zone = ZoneId.of(properties.zone());
	}

	/** One row of the grid: a step and its cells, year by year. */
	public record Row(String step, List<Map<String, Object>> cells) {
	}

	@GetMapping("/partitions")
	public String grid(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
			Model model) {
		int last = to != null ? to : LocalDate.now(zone).getYear();
		int first = from != null ? from : Math.max(runs.firstYear(), last - 14);
		List<Map<String, Object>> states = api.partitions(first, last, null);
		List<Row> rows = new ArrayList<>();
		for (var step : PartitionStates.STEPS) {
			rows.add(new Row(step.shortName(),
					states.stream().filter(s -> step.shortName().equals(s.get("step"))).toList()));
		}
		List<Integer> years = new ArrayList<>();
		for (int y = first; y <= last; y++) {
			years.add(y);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("years", years);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("refresh", states.stream().anyMatch(s -> "RUNNING".equals(s.get("state"))));
		return "console/partitions";
	}

	@GetMapping("/rattrapages")
	public String backfills(Model model) {
		model.addAttribute("backfills", api.backfills());
		model.addAttribute("asked", Map.of());
		return "console/rattrapages";
	}

	/** The preview ({@code apercu}) or the start of a backfill, from the same form. */
	@PostMapping("/rattrapages")
	@Access(Access.Level.OPERATOR)
	public String backfill(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
			@RequestParam(required = false) List<String> steps, @RequestParam(defaultValue = "missing") String mode,
			@RequestParam(defaultValue = "1") Integer concurrency, @RequestParam(required = false) String asOf,
			@RequestParam(defaultValue = "apercu") String action, Model model) {
		boolean dryRun = !"lancer".equals(action);
		Map<String, Object> answer = api
			.backfill(new OperatorApi.StartBackfill(from, to, steps == null || steps.isEmpty() ? null : steps, mode,
					concurrency, dryRun, asOf == null || asOf.isBlank() ? null : asOf.strip()))
			.getBody();
		if (!dryRun) {
			return "redirect:/rattrapages/" + answer.get("id");
		}
		Map<String, Object> request = new LinkedHashMap<>(answer);
		model.addAttribute("plan", answer);
		model.addAttribute("asked", request);
		model.addAttribute("backfills", api.backfills());
		return "console/rattrapages";
	}

	@GetMapping("/rattrapages/{id}")
	public String backfill(@PathVariable String id, Model model) {
		if (!id.matches("backfill-[0-9]{1,9}")) {
			throw ConsoleException.notFound();
		}
		Map<String, Object> backfill = api.backfill(id);
		model.addAttribute("backfill", backfill);
		model.addAttribute("refresh", !Boolean.TRUE.equals(backfill.get("finished")));
		return "console/rattrapage";
	}

}
