package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Methodology section 4, statistical confidentiality of the cells of one (year, indicator): primary suppression
 * (too few respondents, dominance of one pole) then secondary suppression within each sibling group so that a
 * hidden cell cannot be recovered by subtraction from its parent.
 */
public final class Confidentiality {

	/** Fewer respondents than this make a cell confidential. */
	public static final int MIN_RESPONDENTS = 3;

	/** A single value above this share of a cell's total dominates it. */
	public static final double DOMINANCE_SHARE = 0.85;

	private Confidentiality() {
	}

	/** The primary status of a cell (or of a union of cells) from its respondents, total and largest value. */
	public static char primary(int nRespondents, double total, double max, boolean ratio) {
		if (nRespondents < MIN_RESPONDENTS) {
			return Cell.PRIMARY_RESPONDENTS;
		}
		if (!ratio && total > 0 && max > DOMINANCE_SHARE * total) {
			return Cell.PRIMARY_DOMINANCE;
		}
		return Cell.FREE;
	}

	/** Primary then secondary suppression over all the cells of one (year, indicator). */
	public static void apply(List<Cell> cells) {
		for (Cell cell : cells) {
			cell.status = primary(cell.nRespondents, cell.total, cell.max, cell.ratio);
		}
		for (List<Cell> group : siblingGroups(cells)) {
			suppressSecondary(group);
		}
	}

	/**
	 * The sibling groups: the region cells, the department cells of each region, the theme cells. National and
	 * network cells are in none (networks overlap, a pole counting in each of its networks).
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
	 * While the cells of the group that are not F, taken together as one cell (the union of their respondents),
	 * would be primary-confidential, the F cell with the smallest total (ties: lowest area code) becomes D. The
	 * cells of a group have disjoint respondents (a pole has one region, one department, one theme), so the union
	 * is the sum of counts and totals and the largest of the largest values.
	 */
	public static void suppressSecondary(List<Cell> group) {
		List<Cell> free = new ArrayList<>();
		int n = 0;
		double total = 0;
		double max = Double.NEGATIVE_INFINITY;
		boolean any = false;
		boolean ratio = false;
		for (Cell cell : group) {
			ratio = cell.ratio;
			if (cell.isPublished()) {
				free.add(cell);
			}
			else {
				any = true;
				n += cell.nRespondents;
				total += cell.nRespondents == 0 ? 0 : cell.total;
				max = cell.nRespondents == 0 ? max : Math.max(max, cell.max);
			}
		}
		if (!any) {
			return;
		}
		free.sort(Comparator.comparingDouble((Cell c) -> c.total).thenComparing(c -> c.area));
		int next = 0;
		while (next < free.size() && primary(n, total, max, ratio) != Cell.FREE) {
			Cell cell = free.get(next++);
			cell.status = Cell.SECONDARY;
			n += cell.nRespondents;
			total += cell.total;
			max = Math.max(max, cell.max);
		}
	}

}
