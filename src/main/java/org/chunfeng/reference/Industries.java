package org.chunfeng.reference;

/** GB/T 4754-2017 国民经济行业分类: sections (门类), divisions (大类), groups (中类), classes (小类). */
public interface Industries extends Classification {
}
