/**
 * The console's frame: the layout every page shares (campaign and region in the header, language switch) and the
 * overview page. Module pages live beside their module; this module only assembles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web console")
package org.chunfeng.web;
