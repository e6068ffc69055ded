package org.chunfeng.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chunfeng.reference.RegionCode;

/** The bureau's campaigns. */
public interface Campaigns {

	/** The campaign running on {@code day}, else the next one to start, else the last one that ended. */
	Optional<Campaign> current(LocalDate day);

	List<Campaign> all();

	List<PartnerAgency> agencies(long campaignId);

	/** Sets up a campaign with its partner agencies and sending counties; the database checks dates and codes. */
	Campaign create(NewCampaign campaign);

	/** The counties whose workers come to the campaign's region. */
	List<RegionCode> sendingRegions(long campaignId);
}
