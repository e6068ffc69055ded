/**
 * Imports: bulk import of workers, enterprises and social-insurance evidence from {@code .xlsx} and {@code .csv}
 * (templates with Chinese headers, background jobs with progress, row-level error reports, "valid rows" or "all or
 * nothing", upserts so that a file imported twice changes nothing), and streamed Excel exports of filtered lists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports and exports")
package org.chunfeng.imports;
