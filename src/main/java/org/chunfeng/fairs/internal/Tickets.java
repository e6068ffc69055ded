package org.chunfeng.fairs.internal;

import io.nayuki.qrcodegen.QrCode;

import org.springframework.stereotype.Component;

/**
 * The QR code of a ticket (入场二维码) as SVG: it holds the ticket code and nothing else, so that a phone camera at the
 * door (or a scanner gun typing into the check-in page) reads exactly what would be typed.
 */
@Component
class Tickets {

	/** Light modules around the code, as the QR standard asks. */
	private static final int QUIET_ZONE = 4;

	String svg(String code) {
		QrCode qr = QrCode.encodeText(code, QrCode.Ecc.MEDIUM);
		int size = qr.size + QUIET_ZONE * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
				+ "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
	}
}
