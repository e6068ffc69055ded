/**
 * Spreadsheets in and out: {@link org.chunfeng.platform.spreadsheet.SpreadsheetReader} streams the rows of an
 * uploaded {@code .xlsx} or {@code .csv} within {@link org.chunfeng.platform.spreadsheet.SpreadsheetLimits} (uploads
 * are untrusted: zip bombs, XML entities and oversized files are refused with a localised
 * {@link org.chunfeng.platform.spreadsheet.SpreadsheetException}); {@link
 * org.chunfeng.platform.spreadsheet.SpreadsheetWriter} streams exports and templates in constant memory.
 */
@org.springframework.modulith.NamedInterface("spreadsheet")
package org.chunfeng.platform.spreadsheet;
