package org.chunfeng.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to another page of the current list for {@code fragments/pager.html}: the current address with every
 * filter kept and only {@code page} changed, so no page has to repeat its filters in its pager.
 */
@Component("pageLinks")
public class PageLinks {

	public String to(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}
}
