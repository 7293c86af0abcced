package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * The equations an attacker can write from the published cells of one (year, indicator),
 * for the audit of {@link ConfidentialityAudit}: one per published cell with protected
 * respondents (its total minus the known values of its consenting respondents, i.e. the
 * sum of its protected respondents' values), over one unknown per <em>class</em> of
 * protected poles that respond in exactly the same published cells (only their sum
 * appears in any equation).
 */
final class Equations {

	/**
	 * By pole index: its class, or −1 when it is in no published cell (or not protected).
	 */
	private final Map<Integer, Integer> classOfPole;

	/** By class: its member poles. */
	private final List<int[]> members;

	/** By class: the sum of its members' true values (a feasible point). */
	private final double[] trueValues;

	private final int[][] rows;

	private final double[] rhs;

	private Equations(Map<Integer, Integer> classOfPole, List<int[]> members, double[] trueValues, int[][] rows,
			double[] rhs) {
		this.classOfPole = classOfPole;
		this.members = members;
		this.trueValues = trueValues;
		this.rows = rows;
		this.rhs = rhs;
	}

	/** The equations of the cells now published. */
	static Equations of(List<Cell> cells, boolean[] isProtected, IntToDoubleFunction valueOf) {
		// each protected pole's published cells, in the order of the cells: its signature
		Map<Integer, List<Integer>> signatureOf = new HashMap<>();
		List<Integer> equationCells = new ArrayList<>();
		for (int c = 0; c < cells.size(); c++) {
			Cell cell = cells.get(c);
			if (!cell.isPublished() || cell.nProtected == 0) {
				continue;
			}
			equationCells.add(c);
			for (int p : cell.respondents) {
				if (isProtected[p]) {
					signatureOf.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
				}
			}
		}
		Map<List<Integer>, Integer> classOfSignature = new HashMap<>();
		Map<Integer, Integer> classOfPole = new HashMap<>();
		List<List<Integer>> membersOf = new ArrayList<>();
		signatureOf.keySet().stream().sorted().forEach(p -> {
			int j = classOfSignature.computeIfAbsent(signatureOf.get(p), s -> {
				membersOf.add(new ArrayList<>());
				return membersOf.size() - 1;
			});
			membersOf.get(j).add(p);
			classOfPole.put(p, j);
		});
		List<int[]> members = new ArrayList<>();
		double[] trueValues = new double[membersOf.size()];
		for (int j = 0; j < membersOf.size(); j++) {
			int[] m = membersOf.get(j).stream().mapToInt(Integer::intValue).toArray();
			members.add(m);
			for (int p : m) {
				trueValues[j] += valueOf.applyAsDouble(p);
			}
		}
		int[][] rows = new int[equationCells.size()][];
		double[] rhs = new double[rows.length];
		for (int r = 0; r < rows.length; r++) {
			Set<Integer> classes = new LinkedHashSet<>();
			for (int p : cells.get(equationCells.get(r)).respondents) {
				Integer j = classOfPole.get(p);
				if (j != null) {
					classes.add(j);
				}
			}
			rows[r] = classes.stream().mapToInt(Integer::intValue).sorted().toArray();
			for (int j : rows[r]) {
				rhs[r] += trueValues[j];
			}
		}
		return new Equations(classOfPole, members, trueValues, rows, rhs);
	}

	/** The protected poles in at least one published cell. */
	BitSet constrained() {
		BitSet poles = new BitSet();
		classOfPole.keySet().forEach(poles::set);
		return poles;
	}

	/** The unknown of a pole, or −1 when no published cell constrains it. */
	int unknownOf(int pole) {
		return classOfPole.getOrDefault(pole, -1);
	}

	int classSize(int unknown) {
		return members.get(unknown).length;
	}

	double trueValue(int unknown) {
		return trueValues[unknown];
	}

	/** Calls back with every constrained pole and its unknown. */
	void forEachMember(PoleAndUnknown action) {
		for (int j = 0; j < members.size(); j++) {
			for (int p : members.get(j)) {
				action.accept(p, j);
			}
		}
	}

	interface PoleAndUnknown {

		void accept(int pole, int unknown);

	}

	/**
	 * Bounds of each unknown that hold in every solution, by propagation over the
	 * equations (an unknown is at most its equation's right-hand side minus the others'
	 * least values, and at least the right-hand side minus the others' greatest values),
	 * a few passes: cheap proofs that a value is pinned down, so that only the poles they
	 * leave open need linear programs.
	 * @return {least, greatest} by unknown
	 */
	double[][] propagatedBounds() {
		int n = members.size();
		double[] low = new double[n];
		double[] high = new double[n];
		Arrays.fill(high, Double.POSITIVE_INFINITY);
		for (int pass = 0; pass < 4; pass++) {
			for (int r = 0; r < rows.length; r++) {
				double sumLow = 0;
				double sumHigh = 0;
				int unbounded = 0;
				for (int j : rows[r]) {
					sumLow += low[j];
					if (Double.isInfinite(high[j])) {
						unbounded++;
					}
					else {
						sumHigh += high[j];
					}
				}
				for (int j : rows[r]) {
					high[j] = Math.min(high[j], rhs[r] - (sumLow - low[j]));
					boolean othersBounded = unbounded == 0 || unbounded == 1 && Double.isInfinite(high[j]);
					if (othersBounded) {
						double others = sumHigh - (Double.isInfinite(high[j]) ? 0 : high[j]);
						low[j] = Math.max(low[j], rhs[r] - others);
					}
				}
			}
		}
		return new double[][] { low, high };
	}

	LinearBounds linearProgram() {
		return new LinearBounds(members.size(), rows, rhs);
	}

	@Override
	public String toString() {
		return members.size() + " unknowns, " + rows.length + " equations " + Arrays.deepToString(rows);
	}

}
