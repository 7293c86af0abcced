package fr.ptce.observatory.console;

import fr.ptce.observatory.schedule.api.OperatorApi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The e-mails of published reports to the analysts and of new extracts to the partners:
 * status, attempts, error.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class DeliveriesController {

	private final OperatorApi api;

	public DeliveriesController(OperatorApi api) {
		this.api = api;
	}

	@GetMapping("/envois")
	public String deliveries(Model model) {
		model.addAttribute("deliveries", api.deliveries());
		return "console/envois";
	}

}
