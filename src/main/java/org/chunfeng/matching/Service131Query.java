package org.chunfeng.matching;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.KeyGroup;

/**
 * A filter over the key-group workers of the 131 tracker; every part is optional, and the caller's region scope
 * always applies on top.
 *
 * @param region   residence within this region (by code prefix)
 * @param keyGroup one key group
 * @param missing  only those still lacking this part; {@code null} for everybody
 */
public record Service131Query(RegionCode region, KeyGroup keyGroup, Service131Item missing) {
}
