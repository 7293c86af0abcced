package fr.ptce.observatory.samples;

/**
 * The deliberate cases of the samples: each is carried by one pole, in one year's
 * submission, an otherwise mostly good file (or, for the file-level cases, a bad file
 * followed by a good one). Together they make every reason code, warning and file-level
 * outcome of submission-format.md occur at least once, and the imputation cases of
 * methodology.md section 1.
 */
enum Story {

	SINGLE_QUARTER("a closed pole reporting quarterly sends only Q1 of its last year: one quarter of each flow, "
			+ "no yearly value (non-respondent)"),
	INACTIVE_AFTER_CLOSED("a closed pole's last file also gives a figure for the year after it closed"),
	INACTIVE_BEFORE_CREATED("a new pole's first file also gives a figure for the year before it was created"),
	ROW_ERRORS("a row with an extra field; an empty value without status M; an empty period"),
	POLE_AND_PERIOD("a mistyped pole id (letter O for zero); periods `YYYY-S1` (half-year) and `YY`"),
	FUTURE_AND_INDICATOR("period 2099 (a typo); the derived ratio ESS_SHARE and a French code BENEVOLES"),
	STATUS_AND_NUMBERS("status `X`; status `M` with a value; values `1,5e3`, `38 %`, `1.234,5`, `n.c.`"),
	UNITS_AND_RANGES("units `personnes` and `M€`; 42.5 volunteers and 7.5 meetings; a negative amount, "
			+ "150000 k€ of public funding (above the maximum once converted), 2500000 training hours"),
	DUPLICATES("the same quarter of a flow twice (`YYYYQ1` then `T1 YYYY`), and a row copied twice"),
	INCONSISTENT("member categories adding up to more than MEMBERS_TOTAL; GOV_VOTERS above MEMBERS_TOTAL"),
	JUMP("turnover written in k€ under the euro unit (1000 times too small) and FTE with the decimal point lost "
			+ "(100 times too big) compared with the year before; a correction file fixes both"),
	COMMENT_AND_COLUMN("a comment of more than 500 characters; the unknown column `source`"),
	OPEN_QUOTE("the last row opens a quoted comment that is never closed"),
	QUARANTINE_SHIFTED("a cell inserted after pole_id in most rows (shifted columns): more than half of the rows "
			+ "rejected; the pole sends a good file again"),
	NOT_CSV("an Excel workbook (zip with NUL bytes) saved under a .csv name; the pole sends the CSV again"),
	MISSING_COLUMN("the value column headed `Valeur`; the pole sends the file again"),
	EMPTY_HEADER_ONLY("a header and blank rows only; the pole sends the data again"),
	EMPTY_ZERO_BYTES("a 0-byte file; the pole sends the data again"),
	DUPLICATE_SUBMISSION("a byte-identical copy of an earlier file, sent again under a later name"),
	THREE_QUARTERS("a pole reporting quarterly sends no Q4 file one year: flows imputed from 3 quarters (× 4/3)"),
	TWO_QUARTERS("a pole reporting quarterly gives TURNOVER and OWN_REVENUE for Q1 and Q2 only one year: imputed "
			+ "(× 4/2)"),
	PROVISIONAL_CORRECTED("flows sent with status P, corrected by a later file with final values");

	final String description;

	Story(String description) {
		this.description = description;
	}

}
