/**
 * Special recruitment fairs (专场招聘会), a part of "retain people with excellent service": the bureau (or a partner
 * agency) plans fairs online and offline, one by one or as a recurring series, by industry or by position;
 * enterprises book booths and bring their published postings; workers register on the phone and are checked in at
 * the door with a single-use QR ticket; intentions recorded at a booth become applications whose outcomes (hires)
 * are counted per fair and per series. The database keeps the capacities and the single use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fairs")
package org.chunfeng.fairs;
