package org.chunfeng.reference.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.reference.ResidentIdNumber;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks the numbers a form or an integrator is about to submit and says what they mean, so bad input is caught
 * before it is stored. Personal numbers come back masked only.
 */
@RestController
@Tag(name = "Reference data")
class ValueCheckApi {

	private final Regions regions;

	ValueCheckApi(Regions regions) {
		this.regions = regions;
	}

	record CheckRequest(String residentId, String creditCode, String mobile, String region, String amount) {
	}

	record ResidentIdView(String masked, LocalDate birthDate, ResidentIdNumber.Sex sex, String originCode,
			List<String> originPath) {
	}

	record CreditCodeView(String value, String registeringAuthority, String organisationType, String regionCode,
			List<String> regionPath, String organisationCode) {
	}

	record RegionView(String code, RegionCode.Level level, boolean current, List<String> path) {
	}

	record AmountView(long fen, String yuan, String formatted) {
	}

	record CheckResult(ResidentIdView residentId, CreditCodeView creditCode, String mobile, RegionView region,
			AmountView amount) {
	}

	@Operation(summary = "Validate and explain a resident ID number, credit code, mobile number, region code or amount; "
			+ "400 with one message per bad field")
	@PostMapping("/api/v1/reference/checks")
	CheckResult check(@RequestBody CheckRequest request) {
		List<InvalidRequestException> problems = new ArrayList<>();
		ResidentIdNumber id = parse(request.residentId(), "residentId", ResidentIdNumber::parse, problems);
		CreditCode credit = parse(request.creditCode(), "creditCode", CreditCode::of, problems);
		MobileNumber mobile = parse(request.mobile(), "mobile", MobileNumber::of, problems);
		RegionCode region = parse(request.region(), "region", RegionCode::of, problems);
		Money amount = parse(request.amount(), "amount", Money::parse, problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new CheckResult(
				id == null ? null : new ResidentIdView(id.masked(), id.birthDate(), id.sex(), id.origin().value(),
						names(id.origin())),
				credit == null ? null : new CreditCodeView(credit.value(), String.valueOf(credit.registeringAuthority()),
						String.valueOf(credit.organisationType()), credit.region().map(RegionCode::value).orElse(null),
						credit.region().map(this::names).orElse(List.of()),
						credit.organisationCode()),
				mobile == null ? null : mobile.masked(),
				region == null ? null : new RegionView(region.value(), region.level(),
						regions.find(region).isPresent(), names(region)),
				amount == null ? null : new AmountView(amount.fen(), amount.toString(), amount.format()));
	}

	/** Names of the code's province, prefecture and county as far as the current table knows them. */
	private List<String> names(RegionCode code) {
		return regions.path(code).stream().map(Region::name).toList();
	}

	private static <T> T parse(String raw, String field, Function<String, T> parser,
			List<InvalidRequestException> problems) {
		if (raw == null) {
			return null;
		}
		try {
			return parser.apply(raw);
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException(field, ex.code(), ex.args()));
			return null;
		}
	}
}
