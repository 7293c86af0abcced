package fr.ptce.observatory.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.download.PartnerAccess;
import fr.ptce.observatory.download.PartnerTokens.Issued;
import fr.ptce.observatory.warehouse.Timestamps;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partners' download tokens (issued, shown once on the page that answers the form,
 * never again; revoked) and the download audit, through {@link PartnerAccess} as the
 * command line and the API use it. As under /api, the read-only token sees them and
 * changes nothing.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class PartnerTokensController {

	private final PartnerAccess access;

	public PartnerTokensController(PartnerAccess access) {
		this.access = access;
	}

	@GetMapping("/jetons")
	public String tokens(Model model) {
		return page(model, null);
	}

	/**
	 * Issues a token and shows it, this once, on the page that answers (never a redirect:
	 * no URL ever holds it).
	 */
	@PostMapping("/jetons")
	@Access(Access.Level.OPERATOR)
	public String issue(@RequestParam(defaultValue = "") String partner, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String label, HttpServletResponse response, Model model) {
		Issued issued = access.issue(partner, expires, label);
		response.setStatus(HttpServletResponse.SC_CREATED);
		return page(model, issued);
	}

	@PostMapping("/jetons/{id}/revoquer")
	@Access(Access.Level.OPERATOR)
	public String revoke(@PathVariable String id) {
		if (!access.revoke(id)) {
			throw ConsoleException.notFound();
		}
		return "redirect:/jetons";
	}

	@GetMapping("/telechargements")
	public String audit(@RequestParam(required = false) String partner, @RequestParam(required = false) String since,
			Model model) {
		Instant from = since == null || since.isBlank() ? null : Timestamps.parseInstant(since.strip());
		List<Map<String, Object>> entries = access.audit(partner, from, 200).stream().map(PartnerAccess::view).toList();
		model.addAttribute("entries", entries);
		model.addAttribute("partner", partner == null ? "" : partner);
		model.addAttribute("since", since == null ? "" : since);
		model.addAttribute("partners", access.partnerCodes());
		return "console/telechargements";
	}

	private String page(Model model, Issued issued) {
		model.addAttribute("tokens", access.tokens().stream().map(access::view).toList());
		model.addAttribute("partners", access.partnerCodes());
		model.addAttribute("issued", issued == null ? null : access.view(issued.record()));
		model.addAttribute("secret", issued == null ? null : issued.token());
		return "console/jetons";
	}

}
