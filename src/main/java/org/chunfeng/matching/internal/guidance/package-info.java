/**
 * Career guidance (职业指导): sessions recorded by caseworkers of the worker's district, requests from workers on the
 * phone (one open at a time), follow-ups; the store (JDBC over row-level security), the pages and the API.
 */
package org.chunfeng.matching.internal.guidance;
