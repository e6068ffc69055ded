/** {@code bench matching}: the engine against one PostgreSQL query per seeker, on a generated population. */
package org.chunfeng.matching.internal.bench;
