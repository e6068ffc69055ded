package org.chunfeng.jobs.internal.board;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;

/**
 * The board's Lucene index, without Spring: one document per posting on the board, Chinese text analysed twice
 * (SmartChineseAnalyzer words for precision and ranking, CJK bigrams so that a word the segmenter cuts differently in
 * another sentence is still found), filters on points and terms, and the fields a hit shows stored. Writers
 * (callers serialise them) change the index; searches read the last refreshed snapshot through a
 * {@link SearcherManager} and never wait for a writer.
 *
 * <p>How text is matched: the seeker's text, after {@link SeekerText} took out wages and benefit words, is cut into
 * units: each word of the segmenter, and each run of single characters (the segmenter cuts a word it does not know,
 * such as 普工, into characters) as one phrase. A unit matches a posting if it occurs in any of its text fields; up to
 * three units must all match, of more units three in four. A unit that is the name of a place where postings are (苏州,
 * 苏州市, 吴中) must match the workplace, not just any text: a seeker typing 苏州 wants work in Suzhou, not at a
 * company whose name begins with 苏州 in Nanjing. Several places in separate words are alternatives (苏州 无锡).
 * Ranking: relevance (title over occupation over skills and place over the rest), then the newest publication, then
 * the highest posting id.
 */
final class BoardIndex implements Closeable {

	/** Hits beyond this position are not listed (the total still counts them): nobody pages that far. */
	static final int MAX_WINDOW = 10_000;

	/** Units of text beyond this many are ignored: a search box is not a document. */
	static final int MAX_UNITS = 12;

	static final String ID = "id";
	static final String ID_ORDER = "id_order";
	static final String PUBLISHED = "published";
	static final String TITLE = "title";
	static final String OCCUPATION = "occupation";
	static final String OCCUPATION_GROUP = "occupation_group";
	static final String SKILLS = "skills";
	static final String PLACE = "place";
	static final String FEATURES = "features";
	static final String ENTERPRISE = "enterprise";
	static final String DESCRIPTION = "description";
	static final String BIGRAMS = "bigrams";
	static final String PLACE_NAME = "place_name";
	static final String REGION_SCOPE = "region_scope";
	static final String OCCUPATION_CODE = "occupation_code";
	static final String REGION = "region";
	static final String OCCUPATION_VALUE = "occupation_value";
	static final String WAGE_MIN = "wage_min";
	static final String WAGE_MAX = "wage_max";
	static final String KIND = "kind";
	static final String END_DAY = "end_day";
	static final String BENEFIT = "benefit";
	static final String WORKPLACE = "workplace";
	static final String REMAINING = "remaining";
	static final String SHIFTS = "shifts";
	static final String ACCESS = "access";

	static final String MEALS = "meals";
	static final String HOUSING = "housing";
	static final String FESTIVAL = "festival";

	/** Text fields and their weight in a unit's match. */
	private static final Map<String, Float> WEIGHTS = weights();

	private static final float BIGRAM_WEIGHT = 0.3f;

	/** Words that say nothing about which job (招聘, 找工作): dropped from the seeker's text. */
	private static final Set<String> NOISE = Set.of("的", "了", "和", "与", "及", "或", "在", "是", "我", "想", "要", "找", "招",
			"聘", "急", "招聘", "急招", "直招", "诚聘", "高薪", "求职", "工作", "岗位", "职位", "附近", "一名", "若干");

	/** What the kind of a posting is called by seekers: searchable words, not UI texts. */
	private static final Map<JobKind, String> KIND_WORDS = Map.of(JobKind.REGULAR, "常规岗位 全职 长期工",
			JobKind.SEASONAL, "季节性岗位 季节工 短期工 临时工 寒假工", JobKind.PUBLIC_DISINFECTION, "临时公益性岗位 公益岗 消杀 消毒",
			JobKind.PUBLIC_EPIDEMIC_PREVENTION, "临时公益性岗位 公益岗 防疫", JobKind.PUBLIC_COMMUNITY_SERVICE,
			"临时公益性岗位 公益岗 社区服务", JobKind.EMPLOYEE_SHARING, "共享用工 员工共享 借调");

	private static final Map<Shift, String> SHIFT_WORDS = Map.of(Shift.DAY, "白班 长白班", Shift.NIGHT, "夜班",
			Shift.TWO_SHIFTS, "两班倒 倒班", Shift.THREE_SHIFTS, "三班倒 倒班", Shift.FLEXIBLE, "弹性 灵活");

	private final Analyzer words = new SmartChineseAnalyzer();

	private final Analyzer bigrams = new CJKAnalyzer();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** Place names (full and short) of every posting indexed so far: a unit of text equal to one is a place. */
	private final Set<String> placeWords = ConcurrentHashMap.newKeySet();

	private volatile Facets facets;

	BoardIndex(Directory directory) {
		try {
			IndexWriterConfig config = new IndexWriterConfig(new Fields(words, bigrams))
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE)
				.setRAMBufferSizeMB(64);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Float> weights() {
		Map<String, Float> weights = new LinkedHashMap<>();
		weights.put(TITLE, 4f);
		weights.put(OCCUPATION, 3f);
		weights.put(SKILLS, 2f);
		weights.put(PLACE, 2f);
		weights.put(OCCUPATION_GROUP, 1.5f);
		weights.put(FEATURES, 1.5f);
		weights.put(ENTERPRISE, 1f);
		weights.put(DESCRIPTION, 1f);
		return Map.copyOf(weights);
	}

	// ------------------------------------------------------------------------------------------------ writing

	/** Puts the posting on the board, or takes it off if it is no longer published. */
	void put(BoardPosting posting) {
		Term id = new Term(ID, Long.toString(posting.id()));
		try {
			if (posting.onBoard()) {
				writer.updateDocument(id, document(posting));
			}
			else {
				writer.deleteDocuments(id);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Empties the index before it is filled again; searches see the old content until {@link #refresh()}. */
	void clear() {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes what was written visible to searches. */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Postings on the board in the current snapshot (past their end date or not). */
	int size() {
		return read(searcher -> searcher.getIndexReader().numDocs());
	}

	private Document document(BoardPosting posting) {
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(posting.id()), Field.Store.YES));
		doc.add(new NumericDocValuesField(ID_ORDER, posting.id()));
		doc.add(new NumericDocValuesField(PUBLISHED,
				posting.publishedAt() == null ? 0 : posting.publishedAt().toEpochMilli()));

		// few values per field, each analysed once: the segmenter's cost is mostly per value
		StringBuilder all = new StringBuilder();
		text(doc, all, TITLE, posting.title());
		doc.add(new StoredField(TITLE, posting.title()));
		doc.add(new StoredField(ENTERPRISE, posting.enterpriseName()));
		List<String> occupations = posting.occupationNames();
		text(doc, all, OCCUPATION, occupations.isEmpty() ? null : occupations.getFirst());
		text(doc, all, OCCUPATION_GROUP, String.join(" ", occupations.subList(Math.min(1, occupations.size()),
				occupations.size())));
		text(doc, all, SKILLS, String.join(" ", posting.skills()));
		text(doc, all, ENTERPRISE, posting.enterpriseName());
		text(doc, all, DESCRIPTION, posting.description());
		StringBuilder features = new StringBuilder(KIND_WORDS.get(posting.kind()));
		posting.shifts().forEach(shift -> features.append(' ').append(SHIFT_WORDS.get(shift)));
		if (posting.throughFestival()) {
			features.append(" 春节在岗");
		}
		text(doc, all, FEATURES, features.toString());
		List<String> places = new ArrayList<>();
		for (String place : posting.placeNames()) {
			for (String name : BoardPosting.withShortForm(place)) {
				places.add(name);
				doc.add(new StringField(PLACE_NAME, name, Field.Store.NO));
				placeWords.add(name);
			}
		}
		text(doc, all, PLACE, String.join(" ", places));
		doc.add(new TextField(BIGRAMS, all.toString(), Field.Store.NO));

		RegionCode region = posting.workplaceRegion();
		doc.add(new StringField(REGION_SCOPE, region.province().scopePrefix(), Field.Store.NO));
		if (region.level() != RegionCode.Level.PROVINCE) {
			doc.add(new StringField(REGION_SCOPE, region.prefecture().scopePrefix(), Field.Store.NO));
		}
		if (region.level() == RegionCode.Level.COUNTY) {
			doc.add(new StringField(REGION_SCOPE, region.value(), Field.Store.NO));
		}
		doc.add(new StoredField(REGION, region.value()));
		doc.add(new SortedDocValuesField(REGION, new BytesRef(region.value())));
		doc.add(new StoredField(WORKPLACE, posting.workplaceName()));

		String code = posting.occupationCode();
		for (int dash = code.indexOf('-'); dash > 0; dash = code.indexOf('-', dash + 1)) {
			doc.add(new StringField(OCCUPATION_CODE, code.substring(0, dash), Field.Store.NO));
		}
		doc.add(new StringField(OCCUPATION_CODE, code, Field.Store.NO));
		doc.add(new StoredField(OCCUPATION_VALUE, code));
		doc.add(new SortedDocValuesField(OCCUPATION_VALUE, new BytesRef(code)));

		doc.add(new IntPoint(WAGE_MAX, posting.wageMax()));
		doc.add(new StoredField(WAGE_MAX, posting.wageMax()));
		doc.add(new StoredField(WAGE_MIN, posting.wageMin()));
		doc.add(new StringField(KIND, posting.kind().name(), Field.Store.YES));
		int endDay = (int) posting.endDate().toEpochDay();
		doc.add(new IntPoint(END_DAY, endDay));
		doc.add(new StoredField(END_DAY, endDay));
		doc.add(new StoredField(REMAINING, posting.remaining()));
		doc.add(new StoredField(SHIFTS, posting.shifts().stream().map(Shift::name).sorted()
			.collect(Collectors.joining(","))));
		doc.add(new StoredField(ACCESS, posting.access().name()));
		benefit(doc, MEALS, posting.meals());
		benefit(doc, HOUSING, posting.housing());
		benefit(doc, FESTIVAL, posting.throughFestival());
		return doc;
	}

	/** Indexes a value as words, and keeps it for the bigrams of all text (values apart: no bigram spans two). */
	private static void text(Document doc, StringBuilder all, String field, String value) {
		if (value != null && !value.isBlank()) {
			doc.add(new TextField(field, value, Field.Store.NO));
			all.append(value).append('\n');
		}
	}

	private static void benefit(Document doc, String benefit, boolean offered) {
		doc.add(new StoredField(benefit, offered ? 1 : 0));
		if (offered) {
			doc.add(new StringField(BENEFIT, benefit, Field.Store.NO));
		}
	}

	// ------------------------------------------------------------------------------------------------ searching

	Paged<JobHit> search(JobSearch search, LocalDate today, PageQuery page) {
		SeekerText seeker = SeekerText.parse(search.text());
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		boolean ranked = text(seeker.words(), query);
		filters(search, seeker, today, query);
		Sort sort = ranked
				? new Sort(SortField.FIELD_SCORE, new SortField(PUBLISHED, SortField.Type.LONG, true),
						new SortField(ID_ORDER, SortField.Type.LONG, true))
				: new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true),
						new SortField(ID_ORDER, SortField.Type.LONG, true));
		Query built = query.build();
		return read(searcher -> {
			int window = (int) Math.min(page.offset() + page.size(), MAX_WINDOW);
			TopFieldDocs top = searcher.search(built,
					new TopFieldCollectorManager(sort, Math.max(window, 1), null, Integer.MAX_VALUE));
			StoredFields stored = searcher.storedFields();
			List<JobHit> hits = new ArrayList<>();
			for (int i = (int) Math.min(page.offset(), window); i < Math.min(window, top.scoreDocs.length); i++) {
				hits.add(hit(stored.document(top.scoreDocs[i].doc)));
			}
			return new Paged<>(hits, page.page(), page.size(), top.totalHits.value());
		});
	}

	/** Adds the clauses of the seeker's words; whether there were any (then hits are ranked by relevance). */
	private boolean text(String text, BooleanQuery.Builder query) {
		List<Query> units = new ArrayList<>();
		List<Query> places = new ArrayList<>();
		int count = 0;
		for (String chunk : text.split(" ")) {
			if (chunk.isEmpty() || count >= MAX_UNITS) {
				continue;
			}
			List<Query> chunkPlaces = new ArrayList<>();
			for (Unit unit : units(chunk)) {
				if (count++ >= MAX_UNITS) {
					break;
				}
				if (placeWords.contains(unit.text())) {
					chunkPlaces.add(new TermQuery(new Term(PLACE_NAME, unit.text())));
				}
				else {
					units.add(unit(unit));
				}
			}
			if (!chunkPlaces.isEmpty()) {
				places.add(all(chunkPlaces));
			}
		}
		if (!units.isEmpty()) {
			BooleanQuery.Builder words = new BooleanQuery.Builder();
			units.forEach(unit -> words.add(unit, Occur.SHOULD));
			int n = units.size();
			words.setMinimumNumberShouldMatch(n <= 3 ? n : n - n / 4);
			query.add(words.build(), Occur.MUST);
		}
		if (!places.isEmpty()) {
			BooleanQuery.Builder anyPlace = new BooleanQuery.Builder();
			places.forEach(place -> anyPlace.add(place, Occur.SHOULD));
			query.add(new BoostQuery(anyPlace.build(), 2f), Occur.MUST);
		}
		return !units.isEmpty() || !places.isEmpty();
	}

	private static Query all(List<Query> queries) {
		if (queries.size() == 1) {
			return queries.getFirst();
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		queries.forEach(query -> all.add(query, Occur.MUST));
		return all.build();
	}

	/** One unit of text: found in any text field (the best field counts), as a word or a phrase of characters. */
	private Query unit(Unit unit) {
		List<Query> fields = new ArrayList<>();
		WEIGHTS.forEach((field, weight) -> fields.add(new BoostQuery(terms(field, unit.tokens()), weight)));
		List<String> pairs = tokens(bigrams, unit.text()).stream().map(Token::text).toList();
		if (!pairs.isEmpty()) {
			fields.add(new BoostQuery(terms(BIGRAMS, pairs), BIGRAM_WEIGHT));
		}
		return new DisjunctionMaxQuery(fields, 0.1f);
	}

	private static Query terms(String field, List<String> tokens) {
		return tokens.size() == 1 ? new TermQuery(new Term(field, tokens.getFirst()))
				: new PhraseQuery(field, tokens.toArray(String[]::new));
	}

	/**
	 * The units of one chunk of text: the whole chunk if it is a place name; else each word of the segmenter, and
	 * each run of single characters as one phrase; noise words dropped (they also end a run).
	 */
	List<Unit> units(String chunk) {
		if (placeWords.contains(chunk)) {
			return List.of(new Unit(chunk, List.of(chunk)));
		}
		List<Unit> units = new ArrayList<>();
		List<Token> run = new ArrayList<>();
		for (Token token : tokens(words, chunk)) {
			if (NOISE.contains(token.text())) {
				flush(run, chunk, units);
			}
			else if (token.text().length() == 1 && Character.isIdeographic(token.text().codePointAt(0))) {
				run.add(token);
			}
			else {
				flush(run, chunk, units);
				units.add(new Unit(token.text(), List.of(token.text())));
			}
		}
		flush(run, chunk, units);
		return units;
	}

	private static void flush(List<Token> run, String chunk, List<Unit> units) {
		if (!run.isEmpty()) {
			units.add(new Unit(chunk.substring(run.getFirst().start(), run.getLast().end()),
					run.stream().map(Token::text).toList()));
			run.clear();
		}
	}

	private static List<Token> tokens(Analyzer analyzer, String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(TITLE, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static void filters(JobSearch search, SeekerText seeker, LocalDate today, BooleanQuery.Builder query) {
		// the nightly close may lag: a posting past its end date is off the board whatever its status says
		query.add(IntPoint.newRangeQuery(END_DAY, (int) today.toEpochDay(), Integer.MAX_VALUE), Occur.FILTER);
		if (search.region() != null) {
			query.add(new TermQuery(new Term(REGION_SCOPE, search.region().scopePrefix())), Occur.FILTER);
		}
		for (String occupation : Arrays.asList(search.occupation(), seeker.occupation())) {
			if (occupation != null && !occupation.isBlank()) {
				query.add(new TermQuery(new Term(OCCUPATION_CODE, occupation.strip())), Occur.FILTER);
			}
		}
		Integer wage = stricter(search.wageAtLeast(), seeker.wageAtLeast());
		if (wage != null) {
			query.add(IntPoint.newRangeQuery(WAGE_MAX, wage, Integer.MAX_VALUE), Occur.FILTER);
		}
		if (search.kind() != null) {
			query.add(new TermQuery(new Term(KIND, search.kind().name())), Occur.FILTER);
		}
		if (seeker.meals()) {
			query.add(new TermQuery(new Term(BENEFIT, MEALS)), Occur.FILTER);
		}
		if (seeker.housing()) {
			query.add(new TermQuery(new Term(BENEFIT, HOUSING)), Occur.FILTER);
		}
		if (seeker.festival()) {
			query.add(new TermQuery(new Term(BENEFIT, FESTIVAL)), Occur.FILTER);
		}
	}

	private static Integer stricter(Integer explicit, Integer typed) {
		if (explicit == null) {
			return typed;
		}
		return typed == null ? explicit : Math.max(explicit, typed);
	}

	private static JobHit hit(Document doc) {
		String shifts = doc.get(SHIFTS);
		Set<Shift> shiftSet = shifts.isEmpty() ? Set.of()
				: Arrays.stream(shifts.split(",")).map(Shift::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Shift.class)));
		return new JobHit(Long.parseLong(doc.get(ID)), doc.get(TITLE), doc.get(ENTERPRISE),
				doc.get(OCCUPATION_VALUE), new RegionCode(doc.get(REGION)), doc.get(WORKPLACE), number(doc, WAGE_MIN),
				number(doc, WAGE_MAX), number(doc, REMAINING), JobKind.valueOf(doc.get(KIND)), shiftSet,
				number(doc, MEALS) == 1, number(doc, HOUSING) == 1, number(doc, FESTIVAL) == 1,
				KeyGroupAccess.valueOf(doc.get(ACCESS)), LocalDate.ofEpochDay(number(doc, END_DAY)));
	}

	private static int number(Document doc, String field) {
		return doc.getField(field).numericValue().intValue();
	}

	// ------------------------------------------------------------------------------------------------ facets

	/**
	 * Where and in which occupation groups the open postings are, with counts: what the board offers as filters.
	 * Computed in one pass over the open postings' doc values, and kept until the index or the day changes.
	 */
	Facets facets(LocalDate today) {
		return read(searcher -> {
			long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
			Facets known = facets;
			if (known != null && known.version() == version && known.day().equals(today)) {
				return known;
			}
			Counts counts = searcher.search(
					IntPoint.newRangeQuery(END_DAY, (int) today.toEpochDay(), Integer.MAX_VALUE), new CountsManager());
			Map<String, Integer> regions = new TreeMap<>();
			counts.regions().forEach((code, n) -> {
				RegionCode region = new RegionCode(code);
				if (region.level() == RegionCode.Level.COUNTY) {
					regions.merge(region.value(), n, Integer::sum);
				}
				if (region.level() != RegionCode.Level.PROVINCE) {
					regions.merge(region.prefecture().value(), n, Integer::sum);
				}
			});
			Map<String, Integer> groups = new TreeMap<>();
			counts.occupations().forEach((code, n) -> {
				int second = code.indexOf('-', code.indexOf('-') + 1);
				groups.merge(second < 0 ? code : code.substring(0, second), n, Integer::sum);
			});
			Facets fresh = new Facets(version, today, regions, groups);
			facets = fresh;
			return fresh;
		});
	}

	/**
	 * @param regions          prefecture and county codes with the number of open postings there
	 * @param occupationGroups middle groups (中类, e.g. 6-29) with the number of open postings
	 */
	record Facets(long version, LocalDate day, Map<String, Integer> regions, Map<String, Integer> occupationGroups) {
	}

	private record Counts(Map<String, Integer> regions, Map<String, Integer> occupations) {
	}

	/** Counts the workplace and occupation codes of the matching postings. */
	private static final class CountsManager implements CollectorManager<CountsCollector, Counts> {

		@Override
		public CountsCollector newCollector() {
			return new CountsCollector();
		}

		@Override
		public Counts reduce(Collection<CountsCollector> collectors) {
			Map<String, Integer> regions = new HashMap<>();
			Map<String, Integer> occupations = new HashMap<>();
			for (CountsCollector collector : collectors) {
				collector.finishLeaf();
				collector.regions.forEach((code, n) -> regions.merge(code, n, Integer::sum));
				collector.occupations.forEach((code, n) -> occupations.merge(code, n, Integer::sum));
			}
			return new Counts(regions, occupations);
		}
	}

	private static final class CountsCollector extends SimpleCollector {

		final Map<String, Integer> regions = new HashMap<>();
		final Map<String, Integer> occupations = new HashMap<>();
		private SortedDocValues region;
		private SortedDocValues occupation;
		private int[] regionCounts = new int[0];
		private int[] occupationCounts = new int[0];

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			finishLeaf();
			region = DocValues.getSorted(context.reader(), REGION);
			occupation = DocValues.getSorted(context.reader(), OCCUPATION_VALUE);
			regionCounts = new int[region.getValueCount()];
			occupationCounts = new int[occupation.getValueCount()];
		}

		@Override
		public void collect(int doc) throws IOException {
			if (region.advanceExact(doc)) {
				regionCounts[region.ordValue()]++;
			}
			if (occupation.advanceExact(doc)) {
				occupationCounts[occupation.ordValue()]++;
			}
		}

		void finishLeaf() {
			try {
				for (int ord = 0; ord < regionCounts.length; ord++) {
					if (regionCounts[ord] > 0) {
						regions.merge(region.lookupOrd(ord).utf8ToString(), regionCounts[ord], Integer::sum);
					}
				}
				for (int ord = 0; ord < occupationCounts.length; ord++) {
					if (occupationCounts[ord] > 0) {
						occupations.merge(occupation.lookupOrd(ord).utf8ToString(), occupationCounts[ord],
								Integer::sum);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			regionCounts = new int[0];
			occupationCounts = new int[0];
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}
	}

	// ------------------------------------------------------------------------------------------------ plumbing

	private interface Read<T> {
		T apply(IndexSearcher searcher) throws IOException;
	}

	private <T> T read(Read<T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
	}

	record Unit(String text, List<String> tokens) {
	}

	private record Token(String text, int start, int end) {
	}

	/** Words for the text fields, bigrams for their copy; values of one field kept apart so no phrase spans two. */
	private static final class Fields extends AnalyzerWrapper {

		private final Analyzer words;
		private final Analyzer bigrams;

		Fields(Analyzer words, Analyzer bigrams) {
			super(Analyzer.PER_FIELD_REUSE_STRATEGY);
			this.words = words;
			this.bigrams = bigrams;
		}

		@Override
		protected Analyzer getWrappedAnalyzer(String fieldName) {
			return BIGRAMS.equals(fieldName) ? bigrams : words;
		}

		@Override
		public int getPositionIncrementGap(String fieldName) {
			return 100;
		}
	}
}
