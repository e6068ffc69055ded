package org.chunfeng.platform;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a collection, as every list endpoint returns it.
 *
 * @param items         the rows of this page, in the collection's deterministic order
 * @param page          zero-based page number
 * @param size          requested page size
 * @param totalElements rows matching the filter over all pages
 */
public record Paged<T>(List<T> items, int page, int size, long totalElements) {

	@JsonProperty
	public int totalPages() {
		return (int) ((totalElements + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> Paged<R> map(Function<? super T, ? extends R> mapper) {
		return new Paged<>(items.stream().<R>map(mapper).toList(), page, size, totalElements);
	}
}
