package fr.ptce.observatory.schedule.api;

import java.util.List;
import java.util.Map;

import fr.ptce.observatory.extract.Extracts;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/extracts} (extracts.md, "Operators"): every partner's extracts, by
 * partner, latest year and version first, each with its files as its datapackage.json
 * lists them. Building them is {@code POST /api/runs} with job {@code extract}. Behind
 * the operator token like the rest of /api.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
public class ExtractsApi {

	private final DataDirectory dir;

	public ExtractsApi(DataDirectory dir) {
		this.dir = dir;
	}

	@GetMapping("/extracts")
	public List<Map<String, Object>> extracts(@RequestParam(required = false) String partner) {
		List<Extracts.Extract> found = partner == null || partner.isBlank() ? Extracts.list(dir)
				: Extracts.of(dir, partner.strip());
		return found.stream().map(Extracts::describe).toList();
	}

}
