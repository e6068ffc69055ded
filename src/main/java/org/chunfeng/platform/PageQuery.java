package org.chunfeng.platform;

/**
 * A validated page request: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}.
 */
public record PageQuery(int page, int size) {

	public static final int MAX_SIZE = 200;

	public static final int DEFAULT_SIZE = 20;

	public PageQuery {
		if (page < 0) {
			throw new InvalidRequestException("page", "request.page.negative");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidRequestException("size", "request.size.range", MAX_SIZE);
		}
	}

	public static PageQuery of(Integer page, Integer size) {
		return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
