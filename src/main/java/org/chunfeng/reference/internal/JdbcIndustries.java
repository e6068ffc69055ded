package org.chunfeng.reference.internal;

import java.util.List;

import org.chunfeng.reference.Industries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcIndustries extends JdbcClassification implements Industries {

	JdbcIndustries(JdbcClient jdbc) {
		super(jdbc, "industry", List.of("SECTION", "DIVISION", "GROUP", "CLASS"));
	}

	@Override
	public String edition() {
		return "GB/T 4754-2017";
	}
}
