package org.chunfeng.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.identity.Accounts;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ValueCheckApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	ApiClient api;

	@BeforeEach
	void client() {
		TestAccounts.ensure(accounts);
		api = ApiClient.withToken(port, TestAccounts.HUQIU);
	}

	@Test
	void explainsValidNumbersAndMasksPersonalOnes() {
		var response = api.post("/api/v1/reference/checks", "application/json", """
				{"residentId": " 11010519491231002x ", "creditCode": "91440300708461136T", "mobile": "+86 138-0013-8000",
				 "region": "320583", "amount": "¥1,234.5"}""");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(response.body()).doesNotContain("11010519491231002X").doesNotContain("13800138000");
		JsonNode id = body.get("residentId");
		assertThat(id.get("masked").asString()).isEqualTo("110105********002X");
		assertThat(id.get("birthDate").asString()).isEqualTo("1949-12-31");
		assertThat(id.get("sex").asString()).isEqualTo("FEMALE");
		assertThat(id.get("originPath").valueStream().map(JsonNode::asString)).containsExactly("北京市", "市辖区", "朝阳区");
		JsonNode credit = body.get("creditCode");
		assertThat(credit.get("regionPath").valueStream().map(JsonNode::asString)).containsExactly("广东省", "深圳市");
		assertThat(credit.get("organisationCode").asString()).isEqualTo("708461136");
		assertThat(body.get("mobile").asString()).isEqualTo("138****8000");
		assertThat(body.get("region").get("path").valueStream().map(JsonNode::asString))
			.containsExactly("江苏省", "苏州市", "昆山市");
		assertThat(body.get("region").get("current").asBoolean()).isTrue();
		assertThat(body.get("amount").get("fen").asLong()).isEqualTo(123450);
		assertThat(body.get("amount").get("formatted").asString()).isEqualTo("1,234.50");
	}

	@Test
	void anAbolishedAddressCodeIsStillAValidIdNumberButNotACurrentRegion() {
		// 320502 (沧浪区, Suzhou) was merged into 姑苏区 in 2012; people born there keep their numbers
		String id = withCheck("32050219900101001");
		var response = api.post("/api/v1/reference/checks", "application/json",
				"{\"residentId\": \"" + id + "\", \"region\": \"320502\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("residentId").get("originPath").valueStream().map(JsonNode::asString))
			.containsExactly("江苏省", "苏州市");
		assertThat(response.json().get("region").get("current").asBoolean()).isFalse();
	}

	/** Appends the GB 11643 check character (computed here independently of the production code). */
	static String withCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}
}
