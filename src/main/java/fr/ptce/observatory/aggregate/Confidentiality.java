package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.referential.Levels;

/**
 * Methodology section 4, statistical confidentiality of the cells of one (year,
 * indicator): primary suppression (too few respondents, too few protected respondents,
 * dominance of one pole) then secondary suppression within each sibling group so that a
 * hidden cell cannot be recovered by subtraction from its parent. The audit of
 * combinations of cells ({@link ConfidentialityAudit}) comes after both.
 * <p>
 * Poles with open-data consent have their yearly values published, so an attacker knows
 * them and can subtract them from a total: the rules count the <em>protected</em>
 * respondents (the others) on their own.
 */
public final class Confidentiality {

	/** Fewer respondents than this make a cell confidential. */
	public static final int MIN_RESPONDENTS = 3;

	/**
	 * Quantiles (median, p25, p75) are published only for cells of at least this many
	 * respondents.
	 */
	public static final int MIN_RESPONDENTS_FOR_QUANTILES = 10;

	/** A single value above this share of a cell's total dominates it. */
	public static final double DOMINANCE_SHARE = 0.85;

	private Confidentiality() {
	}

	/**
	 * The primary status of a group of respondents (a cell or a union of cells):
	 * {@code A} with fewer than 3 respondents or 1 or 2 protected ones (the total minus
	 * the known values would give them); else, for an indicator that is not a ratio with
	 * a positive total, {@code O} when one value is more than 85 % of the total or one
	 * protected value more than 85 % of the protected respondents' total; else {@code F}.
	 */
	public static char primary(RespondentGroup group, boolean ratio) {
		if (group.n() < MIN_RESPONDENTS || group.nProtected() == 1 || group.nProtected() == 2) {
			return Cell.PRIMARY_RESPONDENTS;
		}
		if (!ratio && group.total() > 0 && (group.max() > DOMINANCE_SHARE * group.total()
				|| group.nProtected() > 0 && group.protectedMax() > DOMINANCE_SHARE * group.protectedTotal())) {
			return Cell.PRIMARY_DOMINANCE;
		}
		return Cell.FREE;
	}

	/** Primary then secondary suppression over all the cells of one (year, indicator). */
	public static void apply(List<Cell> cells) {
		for (Cell cell : cells) {
			cell.status = primary(cell.respondentGroup(), cell.ratio);
		}
		for (List<Cell> group : siblingGroups(cells)) {
			suppressSecondary(group);
		}
	}

	/**
	 * The sibling groups: the region cells, the department cells of each region, the
	 * theme cells. National and network cells are in none (networks overlap, a pole
	 * counting in each of its networks).
	 */
	static List<List<Cell>> siblingGroups(List<Cell> cells) {
		List<Cell> regions = new ArrayList<>();
		List<Cell> themes = new ArrayList<>();
		Map<String, List<Cell>> departements = new LinkedHashMap<>();
		for (Cell cell : cells) {
			switch (cell.level) {
				case Levels.REGION -> regions.add(cell);
				case Levels.THEME -> themes.add(cell);
				case Levels.DEPARTEMENT -> departements.computeIfAbsent(cell.group, g -> new ArrayList<>()).add(cell);
				default -> {
				}
			}
		}
		List<List<Cell>> groups = new ArrayList<>();
		groups.add(regions);
		groups.addAll(departements.values());
		groups.add(themes);
		return groups;
	}

	/**
	 * While the cells of the group that are not F, taken together as one cell (the union
	 * of their respondents), would be primary-confidential, the F cell with the smallest
	 * total (ties: lowest area code) becomes D. The cells of a group have disjoint
	 * respondents (a pole has one region, one department, one theme), so the union is the
	 * sum of counts and totals and the largest of the largest values.
	 */
	public static void suppressSecondary(List<Cell> group) {
		List<Cell> free = new ArrayList<>();
		RespondentGroup hidden = RespondentGroup.NONE;
		boolean any = false;
		boolean ratio = false;
		for (Cell cell : group) {
			ratio = cell.ratio;
			if (cell.isPublished()) {
				free.add(cell);
			}
			else {
				any = true;
				hidden = hidden.plus(cell.respondentGroup());
			}
		}
		if (!any) {
			return;
		}
		free.sort(Comparator.comparingDouble((Cell c) -> c.total).thenComparing(c -> c.area));
		int next = 0;
		while (next < free.size() && primary(hidden, ratio) != Cell.FREE) {
			Cell cell = free.get(next++);
			cell.status = Cell.SECONDARY;
			hidden = hidden.plus(cell.respondentGroup());
		}
	}

}
