package org.chunfeng.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.Money;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.Figures;
import org.chunfeng.subsidies.rules.PegBase;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of each kind as form fields: what an administrator types (percentages, yuan, counts, dates,
 * choices) and how it becomes the stored record (basis points, fen). The form's field names are the parameters'
 * own ({@code parameters.rates.small}), so an error of the record's check lands next to its field.
 */
final class ParameterFields {

	enum Type {
		/** Typed as a percentage (5.5), kept in basis points (550). */
		PERCENT,
		/** Typed in yuan (1,000 or 1000.00), kept in fen. */
		YUAN,
		COUNT,
		FLAG,
		DATE,
		PAYEE,
		PEG
	}

	/**
	 * One field of a kind's parameters.
	 *
	 * @param name the component's path inside the parameters, e.g. {@code rates.small}
	 */
	record Field(String name, Type type, boolean required) {

		/** The input's name and the key of its error. */
		public String formName() {
			return "parameters." + name;
		}

		/** The message code of its label. */
		public String label() {
			return "subsidy.param." + name;
		}

		public boolean flag() {
			return type == Type.FLAG;
		}

		public List<String> choices() {
			return switch (type) {
				case PAYEE -> List.of(Beneficiary.ENTERPRISE.name(), Beneficiary.WORKER.name());
				case PEG -> List.of(PegBase.SUBSISTENCE_ALLOWANCE.name(), PegBase.UNEMPLOYMENT_BENEFIT.name());
				default -> List.of();
			};
		}

		/** The message code prefix of a choice's text. */
		public String choicePrefix() {
			return type == Type.PAYEE ? "subsidy.payee." : "subsidy.peg.";
		}

		public String unit() {
			return switch (type) {
				case PERCENT -> "%";
				case YUAN -> "元";
				default -> "";
			};
		}
	}

	private static Field f(String name, Type type, boolean required) {
		return new Field(name, type, required);
	}

	static List<Field> of(ProgramKind kind) {
		return switch (kind) {
			case JOB_STABILIZING_REFUND -> List.of(f("rates.large", Type.PERCENT, true),
					f("rates.medium", Type.PERCENT, true), f("rates.small", Type.PERCENT, true),
					f("rates.micro", Type.PERCENT, true), f("layoffRateLimitBp", Type.PERCENT, true),
					f("smallEnterpriseHeadcount", Type.COUNT, false),
					f("smallEnterpriseLayoffRateLimitBp", Type.PERCENT, false), f("automatic", Type.FLAG, false),
					f("dispatchExcludedFromAutomatic", Type.FLAG, false));
			case WORK_FOR_TRAINING -> List.of(f("perTraineeMonthFen", Type.YUAN, true),
					f("maxMonthsPerTrainee", Type.COUNT, true), f("upliftBp", Type.PERCENT, false),
					f("livingAllowanceFen", Type.YUAN, false));
			case TRAINING_SUBSIDY -> List.of(f("catalogueOnly", Type.FLAG, false),
					f("defaultRateFen", Type.YUAN, false), f("maxCompletionsPerYear", Type.COUNT, false));
			case STAY_PUT_SUBSIDY -> List.of(f("perWorkerFen", Type.YUAN, true), f("payee", Type.PAYEE, true),
					f("capPerEnterpriseFen", Type.YUAN, false), f("minStayDays", Type.COUNT, false),
					f("minOutsideWorkers", Type.COUNT, false), f("dailyDutyFen", Type.YUAN, false),
					f("dutyFrom", Type.DATE, false), f("dutyTo", Type.DATE, false));
			case TEMPORARY_LIVING_SUBSIDY, UNEMPLOYMENT_SUBSIDY -> List.of(f("peg", Type.PEG, true),
					f("pegAmountFen", Type.YUAN, false), f("percentBp", Type.PERCENT, true),
					f("maxMonths", Type.COUNT, true), f("coverMonthsBelow", Type.COUNT, false),
					f("migrantWorkersOnly", Type.FLAG, false));
		};
	}

	/** The parameters as the form shows them: field name to text ({@code "true"} for a ticked box). */
	static Map<String, String> texts(ProgramKind kind, ProgramParameters parameters) {
		Map<String, String> texts = new LinkedHashMap<>();
		ObjectNode tree = ParametersJson.tree(parameters);
		for (Field field : of(kind)) {
			JsonNode value = at(tree, field.name());
			if (value == null || value.isNull() || value.isMissingNode()) {
				continue;
			}
			texts.put(field.name(), switch (field.type()) {
				case PERCENT -> Figures.percent(value.asInt());
				case YUAN -> Money.ofFen(value.asLong()).toYuan().stripTrailingZeros().toPlainString();
				case COUNT -> String.valueOf(value.asInt());
				case FLAG -> value.asBoolean() ? "true" : null;
				case DATE, PAYEE, PEG -> value.asString();
			});
		}
		texts.values().removeIf(java.util.Objects::isNull);
		return texts;
	}

	private static JsonNode at(ObjectNode tree, String path) {
		JsonNode node = tree;
		for (String part : path.split("\\.")) {
			node = node == null ? null : node.get(part);
		}
		return node;
	}

	/**
	 * The typed texts as the kind's parameters: every field that cannot be read is added to {@code problems} and left
	 * out (so the record's check then names only what is wrong otherwise).
	 */
	static ProgramParameters read(ProgramKind kind, Map<String, String> texts, List<InvalidRequestException> problems) {
		ObjectNode tree = ParametersJson.object();
		for (Field field : of(kind)) {
			String text = texts.get(field.name());
			if (field.type() == Type.FLAG) {
				put(tree, field.name(), "true".equals(text) || "on".equals(text));
				continue;
			}
			if (text == null || text.isBlank()) {
				continue;
			}
			String typed = text.strip();
			try {
				switch (field.type()) {
					case PERCENT -> put(tree, field.name(), basisPoints(typed));
					case YUAN -> put(tree, field.name(), Money.parse(typed).fen());
					case COUNT -> put(tree, field.name(), Integer.valueOf(typed.replace(",", "")));
					case DATE -> put(tree, field.name(), LocalDate.parse(typed).toString());
					case PAYEE -> put(tree, field.name(), Beneficiary.valueOf(typed).name());
					case PEG -> put(tree, field.name(), PegBase.valueOf(typed).name());
					case FLAG -> {
					}
				}
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidRequestException(field.formName(), ex.messageCode(), ex.messageArgs()));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				problems.add(new InvalidRequestException(field.formName(),
						field.type() == Type.PERCENT ? "subsidy.form.percent" : "problem.field.number"));
			}
			catch (DateTimeParseException ex) {
				problems.add(new InvalidRequestException(field.formName(), "problem.field.date"));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException(field.formName(), "problem.field.typeValue", typed));
			}
		}
		return ParametersJson.of(kind, tree);
	}

	/** 5.5 or 5.5% → 550; more than two decimals of a percent cannot be kept. */
	static int basisPoints(String percent) {
		String number = percent.endsWith("%") || percent.endsWith("％") ? percent.substring(0, percent.length() - 1)
				: percent;
		return new BigDecimal(number.strip()).movePointRight(2).intValueExact();
	}

	private static void put(ObjectNode tree, String path, Object value) {
		String[] parts = path.split("\\.");
		ObjectNode node = tree;
		for (int i = 0; i < parts.length - 1; i++) {
			JsonNode child = node.get(parts[i]);
			node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
		}
		String last = parts[parts.length - 1];
		switch (value) {
			case Boolean b -> node.put(last, b);
			case Integer i -> node.put(last, i);
			case Long l -> node.put(last, l);
			default -> node.put(last, String.valueOf(value));
		}
	}
}
