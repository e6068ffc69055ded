package org.chunfeng.subsidies.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.chunfeng.subsidies.rules.StayPutCase.StayingWorker;
import org.junit.jupiter.api.Test;

/** The 2021 stay-put examples: Hangzhou, Tianjin's cap, Xiangcheng's duty top-up, Liyang's minimums. */
class StayPutRuleTests {

	static StayingWorker stayed(String name, int days) {
		return new StayingWorker(name, name, true, true, days, Set.of());
	}

	static List<StayingWorker> workers(int count, int days) {
		return IntStream.range(0, count).mapToObj(i -> stayed("员工" + i, days)).toList();
	}

	static StayPutParameters parameters(ProgramTemplate template) {
		return (StayPutParameters) template.parameters();
	}

	@Test
	void hangzhouPays1000YuanToTheWorker() {
		Assessment a = StayPutRule.assess(parameters(Templates.STAY_PUT_2021_HANGZHOU),
				new StayPutCase(List.of(stayed("张三", 20)), 0));
		assertThat(a.eligible()).isTrue();
		assertThat(a.amountFen()).isEqualTo(100_000L);
		assertThat(a.reasons()).containsExactly(Reason.of("subsidy.reason.stayPut.worker", "张三", "1,000.00"),
				Reason.of("subsidy.reason.stayPut.toWorker", "1,000.00"));
	}

	@Test
	void onlyWorkersFromOutsideWhoseStayIsConfirmedCount() {
		Assessment a = StayPutRule.assess(parameters(Templates.STAY_PUT_2021_HANGZHOU), new StayPutCase(List.of(
				new StayingWorker("1", "本地人", false, true, 20, Set.of()),
				new StayingWorker("2", "未确认", true, false, 20, Set.of())), 0));
		assertThat(a.eligible()).isFalse();
		assertThat(a.codes()).containsExactly("subsidy.reason.stayPut.local", "subsidy.reason.stayPut.notConfirmed",
				"subsidy.reason.nothingDue");
	}

	@Test
	void tianjinPays300YuanPerWorkerToTheEmployerUpTo300000YuanPerEnterprise() {
		StayPutParameters tianjin = parameters(Templates.STAY_PUT_2021_TIANJIN);
		// 1,200 workers would be 360,000 yuan
		Assessment big = StayPutRule.assess(tianjin, new StayPutCase(workers(1200, 10), 0));
		assertThat(big.eligible()).isTrue();
		assertThat(big.amountFen()).isEqualTo(30_000_000L);
		assertThat(big.reasons()).contains(Reason.of("subsidy.reason.stayPut.capped", "300,000.00", "0.00",
				"360,000.00", "300,000.00"));
		// the cap counts what the enterprise got before
		Assessment second = StayPutRule.assess(tianjin, new StayPutCase(workers(200, 10), 25_000_000L));
		assertThat(second.amountFen()).isEqualTo(5_000_000L);
		Assessment third = StayPutRule.assess(tianjin, new StayPutCase(workers(10, 10), 30_000_000L));
		assertThat(third.eligible()).isFalse();
		assertThat(third.amountFen()).isZero();
		// below the cap, the plain amount
		assertThat(StayPutRule.assess(tianjin, new StayPutCase(workers(10, 10), 0)).amountFen()).isEqualTo(300_000L);
	}

	@Test
	void xiangchengAdds100YuanPerDayOnDutyFrom11To17February() {
		StayPutParameters xiangcheng = parameters(Templates.STAY_PUT_2021_XIANGCHENG);
		Set<LocalDate> nineDays = new java.util.HashSet<>();
		for (LocalDate d = LocalDate.of(2021, 2, 10); !d.isAfter(LocalDate.of(2021, 2, 18)); d = d.plusDays(1)) {
			nineDays.add(d);
		}
		Assessment a = StayPutRule.assess(xiangcheng, new StayPutCase(List.of(
				new StayingWorker("1", "张三", true, true, 30, nineDays),
				new StayingWorker("2", "李四", true, true, 30, Set.of(LocalDate.of(2021, 2, 12))),
				new StayingWorker("3", "王五", true, true, 30, Set.of())), 0));
		// 张三: 500 + 7 days in the window × 100; 李四: 500 + 100; 王五: 500
		assertThat(a.items()).containsExactly(new Item("张三", 1, 120_000L), new Item("李四", 1, 60_000L),
				new Item("王五", 1, 50_000L));
		assertThat(a.amountFen()).isEqualTo(230_000L);
		assertThat(a.reasons()).contains(
				Reason.of("subsidy.reason.stayPut.workerOnDuty", "张三", "500.00", 7, "100.00", "1,200.00"),
				Reason.of("subsidy.reason.stayPut.toEmployer", "2,300.00"));
	}

	@Test
	void liyangPaysEnterprisesKeepingAtLeast20OutsideWorkersForAtLeast16Days() {
		StayPutParameters liyang = parameters(Templates.STAY_PUT_2021_LIYANG);
		List<StayingWorker> twenty = new ArrayList<>(workers(20, 16));
		twenty.add(stayed("只留了十五天", 15));
		Assessment a = StayPutRule.assess(liyang, new StayPutCase(twenty, 0));
		assertThat(a.eligible()).isTrue();
		assertThat(a.amountFen()).isEqualTo(20 * 100_000L);
		assertThat(a.reasons()).contains(Reason.of("subsidy.reason.stayPut.shortStay", "只留了十五天", 15, 16),
				Reason.of("subsidy.reason.stayPut.enough", 20, 20));
		Assessment nineteen = StayPutRule.assess(liyang, new StayPutCase(workers(19, 30), 0));
		assertThat(nineteen.eligible()).isFalse();
		assertThat(nineteen.codes()).endsWith("subsidy.reason.stayPut.tooFew");
	}

	@Test
	void copiedForAnotherYearTheDutyWindowMovesAlong() {
		StayPutParameters shifted = (StayPutParameters) parameters(Templates.STAY_PUT_2021_XIANGCHENG).shifted(6);
		assertThat(shifted.dutyFrom()).isEqualTo(LocalDate.of(2027, 2, 11));
		assertThat(shifted.dutyTo()).isEqualTo(LocalDate.of(2027, 2, 17));
	}
}
