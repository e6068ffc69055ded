package org.chunfeng.matching;

import java.util.Set;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.KeyGroup;

/**
 * A key-group worker in the 131 tracker's list: personal numbers only masked.
 *
 * @param idNumberMasked e.g. {@code 341221********123X}
 * @param mobileMasked   e.g. {@code 138****8000}, or {@code null}
 */
public record Service131Worker(long workerId, String name, String idNumberMasked, String mobileMasked,
		RegionCode residence, Set<KeyGroup> keyGroups, Service131Status status) {

	public Service131Worker {
		keyGroups = Set.copyOf(keyGroups);
	}
}
