package fr.ptce.observatory.console;

import java.util.Locale;
import java.util.Optional;

import fr.ptce.observatory.download.PartnerAccess;
import fr.ptce.observatory.download.PartnerTokens.TokenRecord;
import fr.ptce.observatory.schedule.api.OperatorTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with a token, exchanged for the session cookie; sign-out. The token is posted
 * in a form body (never in a URL), checked as the API and the download service check it,
 * and forgotten: the session keeps who signed in.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class SignInController {

	private static final Logger log = LoggerFactory.getLogger(SignInController.class);

	private final ObjectProvider<OperatorTokens> staff;

	private final PartnerAccess partners;

	public SignInController(ObjectProvider<OperatorTokens> staff, PartnerAccess partners) {
		this.staff = staff;
		this.partners = partners;
	}

	@GetMapping("/")
	@Access(Access.Level.SIGNED_IN)
	public String home(HttpServletRequest request) {
		Viewer viewer = ConsoleSession.viewer(request);
		return viewer.isPartner() ? "redirect:/extraits/" + viewer.partner() : "redirect:/executions";
	}

	@GetMapping("/connexion")
	@Access(Access.Level.ANYONE)
	public String form(HttpServletRequest request) {
		return ConsoleSession.viewer(request) != null ? "redirect:/" : "console/connexion";
	}

	@PostMapping("/connexion")
	@Access(Access.Level.ANYONE)
	public String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Viewer> viewer = viewer(token.strip());
		if (viewer.isEmpty()) {
			log.info("console: sign-in refused from {}", request.getRemoteAddr());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			model.addAttribute("refused", true);
			return "console/connexion";
		}
		ConsoleSession.signIn(request, viewer.get());
		log.info("console: {} signed in from {}{}", viewer.get().role().name().toLowerCase(Locale.ROOT),
				request.getRemoteAddr(), viewer.get().isPartner() ? " (" + viewer.get().tokenId() + ")" : "");
		return "redirect:/";
	}

	@PostMapping("/deconnexion")
	@Access(Access.Level.ANYONE)
	public String signOut(HttpServletRequest request) {
		ConsoleSession.signOut(request);
		return "redirect:/connexion";
	}

	private Optional<Viewer> viewer(String token) {
		if (token.isEmpty()) {
			return Optional.empty();
		}
		OperatorTokens tokens = staff.getIfAvailable();
		Optional<OperatorTokens.Access> access = tokens == null ? Optional.empty() : tokens.check(token);
		if (access.isPresent()) {
			return Optional.of(Viewer.staff(access.get()));
		}
		Optional<TokenRecord> partner = partners.authenticate(token);
		return partner.map(r -> Viewer.partner(r.partner(), r.id()));
	}

}
