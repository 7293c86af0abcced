package fr.ptce.observatory.console;

import fr.ptce.observatory.schedule.api.OperatorApi;

import org.quartz.SchedulerException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The schedules with their state and next firing; pause and resume (for every server of
 * the cluster).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class SchedulesController {

	private final OperatorApi api;

	public SchedulesController(OperatorApi api) {
		this.api = api;
	}

	@GetMapping("/planifications")
	public String list(Model model) throws SchedulerException {
		model.addAttribute("schedules", api.schedules());
		return "console/planifications";
	}

	@PostMapping("/planifications/{name}/{action}")
	@Access(Access.Level.OPERATOR)
	public String act(@PathVariable String name, @PathVariable String action) throws SchedulerException {
		switch (action) {
			case "suspendre" -> api.pause(name);
			case "reprendre" -> api.resume(name);
			default -> throw ConsoleException.notFound();
		}
		return "redirect:/planifications";
	}

}
