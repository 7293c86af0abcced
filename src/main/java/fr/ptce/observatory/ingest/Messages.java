package fr.ptce.observatory.ingest;

import java.util.Locale;

/**
 * The French and English texts of receipts, written for a pole's staff: what is wrong on the line and what to
 * do about it. One factory method per code, so that every code has both languages.
 */
final class Messages {

	private Messages() {
	}

	private static Issue error(long line, RowReason reason, String column, String fr, String en) {
		return new Issue(line, Issue.Severity.ERROR, reason.name(), column, fr, en);
	}

	private static Issue warning(long line, RowWarning warning, String column, String fr, String en) {
		return new Issue(line, Issue.Severity.WARNING, warning.name(), column, fr, en);
	}

	static Issue fieldCount(long line, int found, int expected) {
		return error(line, RowReason.MALFORMED_ROW, null,
				"La ligne compte " + found + " champs alors que l’en-tête en compte " + expected
						+ " : vérifiez les séparateurs et les guillemets de cette ligne.",
				"The row has " + found + " fields where the header has " + expected
						+ ": check the separators and quotes of this row.");
	}

	static Issue openQuote(long line) {
		return error(line, RowReason.MALFORMED_ROW, null,
				"Un guillemet ouvert sur cette ligne n’est jamais refermé avant la fin du fichier : refermez-le.",
				"A quote opened on this row is never closed before the end of the file: close it.");
	}

	static Issue unreadableRest(long line) {
		return error(line, RowReason.MALFORMED_ROW, null,
				"Le fichier ne peut pas être lu à partir de cette ligne (un guillemet ouvert et jamais refermé, ou"
						+ " un champ de plus de 16 Mo) : corrigez-le et renvoyez le fichier.",
				"The file cannot be read from this line on (a quote opened and never closed, or a field over"
						+ " 16 MB): correct it and send the file again.");
	}

	static Issue missingField(long line, String column) {
		String fr = "value".equals(column)
				? "La valeur est vide : indiquez-la, ou mettez le statut M si elle manque."
				: "Le champ « " + column + " » est vide : il est obligatoire.";
		String en = "value".equals(column) ? "The value is empty: give it, or set status M if it is missing."
				: "The field '" + column + "' is empty: it is required.";
		return error(line, RowReason.MISSING_FIELD, column, fr, en);
	}

	static Issue unknownPole(long line, String poleId) {
		return error(line, RowReason.UNKNOWN_POLE, "pole_id",
				"Le pôle « " + poleId + " » n’est pas dans le registre de l’observatoire : vérifiez l’identifiant"
						+ " (PTCE- et quatre chiffres, par exemple PTCE-0042).",
				"The pole '" + poleId + "' is not in the observatory's registry: check the identifier"
						+ " (PTCE- and four digits, e.g. PTCE-0042).");
	}

	static Issue badPeriod(long line, String period) {
		return error(line, RowReason.BAD_PERIOD, "period",
				"La période « " + period + " » n’est pas reconnue : écrivez 2024 pour une année, 2024-Q3 ou T3 2024"
						+ " pour un trimestre.",
				"The period '" + period + "' is not recognised: write 2024 for a year, 2024-Q3 or T3 2024 for a"
						+ " quarter.");
	}

	static Issue poleInactive(long line, String poleId, Period period, int created, Integer closed) {
		String activity = closed == null ? "depuis " + created : "de " + created + " à " + closed;
		String activityEn = closed == null ? "since " + created : "from " + created + " to " + closed;
		return error(line, RowReason.POLE_INACTIVE, "period",
				"Le pôle " + poleId + " n’est pas actif en " + period.year() + " (actif " + activity
						+ " selon le registre) : vérifiez la période.",
				"The pole " + poleId + " is not active in " + period.year() + " (active " + activityEn
						+ " according to the registry): check the period.");
	}

	static Issue futurePeriod(long line, Period period, java.time.LocalDate day) {
		return error(line, RowReason.FUTURE_PERIOD, "period",
				"La période " + period.code() + " se termine le " + period.end() + ", après la date de dépôt ("
						+ day + ") : envoyez-la une fois la période close.",
				"The period " + period.code() + " ends on " + period.end() + ", after the day of submission (" + day
						+ "): send it once the period is over.");
	}

	static Issue unknownIndicator(long line, String code) {
		return error(line, RowReason.UNKNOWN_INDICATOR, "indicator",
				"L’indicateur « " + code + " » n’est pas dans le catalogue (les ratios calculés par l’observatoire"
						+ " ne se déclarent pas) : utilisez un code du catalogue, par exemple JOBS_FTE.",
				"The indicator '" + code + "' is not in the catalogue (ratios computed by the observatory cannot be"
						+ " submitted): use a catalogue code, e.g. JOBS_FTE.");
	}

	static Issue badStatus(long line, String status) {
		return error(line, RowReason.BAD_STATUS, "status",
				"Le statut « " + status + " » n’est pas admis : utilisez A (normal), E (estimé), P (provisoire) ou"
						+ " M (manquant).",
				"The status '" + status + "' is not allowed: use A (normal), E (estimated), P (provisional) or"
						+ " M (missing).");
	}

	static Issue missingWithValue(long line, String value) {
		return error(line, RowReason.BAD_STATUS, "status",
				"Le statut M (manquant) est donné avec la valeur « " + value
						+ " » : videz la valeur, ou changez le statut.",
				"Status M (missing) is given with the value '" + value + "': empty the value, or change the status.");
	}

	static Issue notANumber(long line, String value, boolean commaDecimal) {
		String separators = commaDecimal ? "une virgule ou un point décimal" : "un point décimal";
		String separatorsEn = commaDecimal ? "a decimal comma or point" : "a decimal point";
		return error(line, RowReason.NOT_A_NUMBER, "value",
				"La valeur « " + value + " » n’est pas un nombre : chiffres, signe et " + separators
						+ " seulement, sans % ni notation scientifique.",
				"The value '" + value + "' is not a number: digits, a sign and " + separatorsEn
						+ " only, no % and no scientific notation.");
	}

	static Issue unitMismatch(long line, String unit, String indicator, String catalogueUnit) {
		return error(line, RowReason.UNIT_MISMATCH, "unit",
				"L’unité « " + unit + " » ne convient pas à " + indicator + " (unité du catalogue : "
						+ catalogueUnit + ") : corrigez l’unité ou laissez-la vide.",
				"The unit '" + unit + "' does not fit " + indicator + " (catalogue unit: " + catalogueUnit
						+ "): correct the unit or leave it empty.");
	}

	static Issue notInteger(long line, String value, String indicator) {
		return error(line, RowReason.NOT_INTEGER, "value",
				"La valeur « " + value + " » de " + indicator + " doit être un nombre entier.",
				"The value '" + value + "' of " + indicator + " must be a whole number.");
	}

	static Issue outOfRange(long line, double value, String indicator, double min, double max) {
		return error(line, RowReason.OUT_OF_RANGE, "value",
				"La valeur " + plain(value) + " de " + indicator + " sort de l’intervalle admis [" + plain(min) + " ; "
						+ plain(max) + "] : vérifiez l’unité et les ordres de grandeur.",
				"The value " + plain(value) + " of " + indicator + " is outside the allowed range [" + plain(min) + ", "
						+ plain(max) + "]: check the unit and the order of magnitude.");
	}

	static Issue duplicateInFile(long line, String poleId, String period, String indicator) {
		return error(line, RowReason.DUPLICATE_IN_FILE, null,
				"Le fichier donne déjà plus haut " + indicator + " de " + poleId + " pour " + period
						+ " : la première ligne est retenue ; supprimez le doublon ou envoyez la correction dans un"
						+ " nouveau fichier.",
				"The file already gives " + indicator + " of " + poleId + " for " + period
						+ " on an earlier row, which stands: remove the duplicate or send the correction in a new file.");
	}

	static Issue inconsistentMembers(long line, String poleId, String period, double parts, double total) {
		return warning(line, RowWarning.INCONSISTENT_MEMBERS, null,
				"Pour " + poleId + " en " + period + ", les structures membres par catégorie (" + plain(parts)
						+ ") dépassent le total MEMBERS_TOTAL (" + plain(total) + ") : vérifiez ces valeurs.",
				"For " + poleId + " in " + period + ", the member organisations by category (" + plain(parts)
						+ ") exceed MEMBERS_TOTAL (" + plain(total) + "): check these values.");
	}

	static Issue inconsistentVoters(long line, String poleId, String period, double voters, double total) {
		return warning(line, RowWarning.INCONSISTENT_VOTERS, null,
				"Pour " + poleId + " en " + period + ", les membres votants (" + plain(voters)
						+ ") dépassent le total des structures membres (" + plain(total) + ") : vérifiez ces valeurs.",
				"For " + poleId + " in " + period + ", the voting members (" + plain(voters)
						+ ") exceed the member organisations (" + plain(total) + "): check these values.");
	}

	static Issue suspiciousJump(long line, String indicator, String period, double value, String previousPeriod,
			double previous) {
		return warning(line, RowWarning.SUSPICIOUS_JUMP, "value",
				indicator + " vaut " + plain(value) + " en " + period + " contre " + plain(previous) + " en "
						+ previousPeriod + " (plus de 10 fois plus, ou moins d’un dixième) : vérifiez l’unité et la"
						+ " valeur.",
				indicator + " is " + plain(value) + " in " + period + " against " + plain(previous) + " in "
						+ previousPeriod + " (over 10 times more, or under a tenth): check the unit and the value.");
	}

	static Issue commentTruncated(long line, int length) {
		return warning(line, RowWarning.COMMENT_TRUNCATED, "comment",
				"Le commentaire compte " + length + " caractères ; seuls les 500 premiers sont conservés.",
				"The comment has " + length + " characters; only the first 500 are kept.");
	}

	static Issue unknownColumn(long line, String column) {
		return warning(line, RowWarning.UNKNOWN_COLUMN, column,
				"La colonne « " + column + " » n’est pas du format de l’observatoire : elle est ignorée.",
				"The column '" + column + "' is not part of the observatory's format: it is ignored.");
	}

	static Issue duplicateColumn(long line, String column) {
		return warning(line, RowWarning.UNKNOWN_COLUMN, column,
				"La colonne « " + column + " » apparaît deux fois : seule la première est lue.",
				"The column '" + column + "' appears twice: only the first one is read.");
	}

	/** File-level reasons, for the receipt's message. */
	static String fileReasonFr(String reason) {
		if (reason.startsWith("MISSING_COLUMN:")) {
			return "La colonne obligatoire « " + reason.substring(15)
					+ " » manque dans l’en-tête : utilisez le modèle de l’observatoire (pole_id, period, indicator,"
					+ " value).";
		}
		return switch (reason) {
			case "NOT_CSV" -> "Le fichier n’est pas un fichier texte CSV (UTF-8 ou Windows-1252) : enregistrez-le au"
					+ " format CSV depuis le tableur.";
			case "EMPTY_FILE" -> "Le fichier ne contient pas de ligne de données : vérifiez que vous avez envoyé le"
					+ " bon fichier.";
			default -> reason;
		};
	}

	static String fileReasonEn(String reason) {
		if (reason.startsWith("MISSING_COLUMN:")) {
			return "The required column '" + reason.substring(15)
					+ "' is missing from the header: use the observatory's template (pole_id, period, indicator,"
					+ " value).";
		}
		return switch (reason) {
			case "NOT_CSV" -> "The file is not a CSV text file (UTF-8 or Windows-1252): save it as CSV from the"
					+ " spreadsheet.";
			case "EMPTY_FILE" -> "The file has no data row: check that you sent the right file.";
			default -> reason;
		};
	}

	/**
	 * The note of a quarantined file. It names the configured threshold: "la moitié" / "half" for 0.5, the value
	 * the bundled samples' receipts were written with, else its percentage.
	 */
	static String quarantinedFr(double threshold, long rejected, long read) {
		String share = threshold == 0.5 ? "la moitié" : percent(threshold).replace('.', ',') + " %";
		return "Plus de " + share + " des lignes sont rejetées (" + rejected + " sur " + read
				+ ") : le fichier est mis en quarantaine et rien n’en est enregistré. Vérifiez le modèle et l’ordre"
				+ " des colonnes, corrigez, puis renvoyez le fichier entier.";
	}

	static String quarantinedEn(double threshold, long rejected, long read) {
		String share = threshold == 0.5 ? "half" : percent(threshold) + " %";
		return "More than " + share + " of the rows are rejected (" + rejected + " of " + read
				+ "): the file is quarantined and nothing of it is stored. Check the template and the order of the"
				+ " columns, correct, then send the whole file again.";
	}

	/** A share as a percentage, exactly as configured: 0.3 is 30, not 30.000000000000004. */
	private static String percent(double share) {
		return new java.math.BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros().toPlainString();
	}

	/** Numbers in messages: no exponent, no useless decimals. */
	static String plain(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros()
			.toPlainString()
			.toLowerCase(Locale.ROOT);
	}

}
