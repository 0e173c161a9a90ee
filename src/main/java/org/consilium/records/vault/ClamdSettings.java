package org.consilium.records.vault;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ClamAV daemon ({@code consilium.records.clamd.*}); scanning is on when {@code host} or {@code socket} is set.
 *
 * @param host host name of clamd's TCP socket ({@code TCPSocket}/{@code TCPAddr} in clamd.conf)
 * @param port its port (default 3310)
 * @param socket path of clamd's unix socket ({@code LocalSocket}); used instead of host and port when set
 * @param timeout how long to wait for clamd on TCP (default 2 minutes; clamd's own scan time limit is 2 minutes)
 */
@ConfigurationProperties("consilium.records.clamd")
record ClamdSettings(String host, @DefaultValue("3310") int port, Path socket, @DefaultValue("2m") Duration timeout) {

	boolean configured() {
		return (host != null && !host.isBlank()) || socket != null;
	}
}
