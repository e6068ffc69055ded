/**
 * The fairs module's implementation: the store (JDBC over row-level security), what the signed-in enterprise user or
 * worker may do for itself, the QR tickets, the pages and the API.
 */
package org.chunfeng.fairs.internal;
