package org.lifeos.planning.support;

import java.io.IOException;
import java.net.URL;

import io.restassured.path.json.JsonPath;
import org.lifeos.devstack.testing.RawHttp;

/** A GET as {@code user} from a chosen local address (a trusted proxy or not), with extra header lines. */
public final class RawGet {

    private RawGet() {
    }

    /** The JSON body of a 200 answer to {@code GET path}, sent from {@code from} with {@code headers} ("Name: value"). */
    public static JsonPath json(URL service, String from, Api user, String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: " + service.getHost() + ":"
                + service.getPort() + "\r\nAuthorization: Bearer " + user.token() + "\r\nX-Circle-Id: " + user.circle()
                + "\r\nAccept: application/json\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (RawHttp http = new RawHttp(service, from)) {
            String answer = http.send(request.append("\r\n").toString()).readAll();
            if (!answer.startsWith("HTTP/1.0 200") && !answer.startsWith("HTTP/1.1 200")) {
                throw new AssertionError("not a 200: " + answer);
            }
            return JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }
}
