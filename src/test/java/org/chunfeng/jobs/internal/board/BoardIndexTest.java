package org.chunfeng.jobs.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's index on its own, without a database: how Chinese text is cut and matched, and where it is kept. */
class BoardIndexTest {

	static final LocalDate TODAY = LocalDate.of(2027, 1, 20);

	static final List<String> WUZHONG = List.of("江苏省", "苏州市", "吴中区");

	static final List<String> BEIJING = List.of("北京市", "市辖区", "朝阳区");

	@Test
	void aWordTheSegmenterCutsDifferentlyIsStillFound() throws IOException {
		try (BoardIndex index = new BoardIndex(new ByteBuffersDirectory())) {
			index.put(posting(1, "水电工", "", WUZHONG));
			index.put(posting(2, "急招电子厂普工", "", WUZHONG));
			index.put(posting(3, "月嫂", "", WUZHONG));
			index.put(posting(4, "仓管", "工作内容：普通仓库工作", WUZHONG));
			index.refresh();
			// 水电工 is cut 水|电工, 电工 alone is one word
			assertThat(ids(index, "电工")).containsExactly(1L);
			// 普工 is cut into characters, and must match as a phrase: not 普通 ... 工作
			assertThat(ids(index, "普工")).containsExactly(2L);
			// words that say nothing about the job are dropped
			assertThat(ids(index, "我想找普工工作")).containsExactly(2L);
			assertThat(ids(index, "月嫂")).containsExactly(3L);
		}
	}

	@Test
	void theTitleCountsMoreThanTheDescription() throws IOException {
		try (BoardIndex index = new BoardIndex(new ByteBuffersDirectory())) {
			index.put(posting(1, "仓库管理员", "偶尔需要做一点焊工的活", WUZHONG));
			index.put(posting(2, "焊工", "", WUZHONG));
			index.refresh();
			assertThat(ids(index, "焊工")).containsExactly(2L, 1L);
		}
	}

	@Test
	void placesAreFoundByFullAndShortNamesButNotByTheirGroupings() throws IOException {
		try (BoardIndex index = new BoardIndex(new ByteBuffersDirectory())) {
			index.put(posting(1, "保安", "", WUZHONG));
			index.put(posting(2, "保安", "", BEIJING));
			index.refresh();
			assertThat(ids(index, "吴中")).containsExactly(1L);
			assertThat(ids(index, "吴中区 保安")).containsExactly(1L);
			assertThat(ids(index, "北京 保安")).containsExactly(2L);
			assertThat(ids(index, "市辖区")).isEmpty();
			assertThat(index.search(JobSearch.text("北京"), TODAY, new PageQuery(0, 5)).items().getFirst()
				.workplaceName()).isEqualTo("北京市朝阳区");
		}
	}

	@Test
	void hitsBeyondTheWindowAreCountedButNotListed() throws IOException {
		try (BoardIndex index = new BoardIndex(new ByteBuffersDirectory())) {
			index.put(posting(1, "保安", "", WUZHONG));
			index.refresh();
			var far = index.search(JobSearch.text("保安"), TODAY, new PageQuery(BoardIndex.MAX_WINDOW / 10, 10));
			assertThat(far.totalElements()).isEqualTo(1);
			assertThat(far.items()).isEmpty();
		}
	}

	@Test
	void onDiskTheIndexIsReplacedAtEachStart(@TempDir Path directory) throws IOException {
		try (BoardIndex index = new BoardIndex(FSDirectory.open(directory))) {
			index.put(posting(1, "保安", "", WUZHONG));
			index.refresh();
			assertThat(index.size()).isEqualTo(1);
		}
		try (BoardIndex index = new BoardIndex(FSDirectory.open(directory))) {
			assertThat(index.size()).isZero();
		}
	}

	private static List<Long> ids(BoardIndex index, String text) {
		return index.search(JobSearch.text(text), TODAY, new PageQuery(0, 50)).items().stream()
			.map(JobHit::postingId).toList();
	}

	static BoardPosting posting(long id, String title, String description, List<String> places) {
		RegionCode region = RegionCode.of(places.getFirst().equals("北京市") ? "110105" : "320506");
		return new BoardPosting(id, PostingStatus.PUBLISHED, title, "4-07-05-01", List.of("保安员"), description,
				List.of(), "测试有限公司", region, places, 4000, 5000, 3, 0, JobKind.REGULAR, Set.of(Shift.DAY), false,
				false, false, KeyGroupAccess.OPEN, TODAY.plusDays(30), Instant.parse("2027-01-01T00:00:00Z")
					.plusSeconds(id),
				Instant.parse("2027-01-01T00:00:00Z"), 0);
	}
}
