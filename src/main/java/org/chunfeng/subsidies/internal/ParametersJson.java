package org.chunfeng.subsidies.internal;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameters as the JSON of {@code subsidy_program.parameters}: the kind's record, its components by name, amounts in
 * fen and rates in basis points as integers, dates as {@code yyyy-MM-dd}. A mapper of its own, so the stored form does
 * not follow the web layer's settings.
 */
final class ParametersJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ParametersJson() {
	}

	static String write(ProgramParameters parameters) {
		return JSON.writeValueAsString(parameters);
	}

	static ProgramParameters read(ProgramKind kind, String json) {
		return JSON.readValue(json, kind.parametersType());
	}

	static ObjectNode tree(ProgramParameters parameters) {
		return (ObjectNode) JSON.valueToTree(parameters);
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	/**
	 * The parameters of {@code kind} from a request's JSON object, or {@code null} if none were sent.
	 *
	 * @throws InvalidRequestException naming the field ({@code parameters.…}) that cannot be read
	 */
	static ProgramParameters of(ProgramKind kind, JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (!node.isObject()) {
			throw new InvalidRequestException("parameters", "problem.field.type");
		}
		try {
			return JSON.treeToValue(node, kind.parametersType());
		}
		catch (DatabindException ex) {
			StringBuilder path = new StringBuilder("parameters");
			ex.getPath().forEach(reference -> {
				if (reference.getPropertyName() != null) {
					path.append('.').append(reference.getPropertyName());
				}
			});
			throw new InvalidRequestException(path.toString(), "problem.field.type");
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("parameters", "problem.field.type");
		}
	}
}
