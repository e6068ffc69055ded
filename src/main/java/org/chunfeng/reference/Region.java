package org.chunfeng.reference;

/**
 * A current GB/T 2260 administrative division (行政区划): province (省级), prefecture (地级) or county (县级).
 *
 * @param parent the enclosing division, {@code null} for a province
 */
public record Region(RegionCode code, String name, RegionCode.Level level, RegionCode parent) {
}
