package org.consilium.identity;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.audit.AuditLog;

/**
 * Builds the filters that watch a signed-in session beyond Spring Security's own (they are not beans, so the servlet
 * container does not register them a second time outside the security chain).
 */
@Component
class SessionGuards {

	private final UserAccountRepository accounts;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	SessionGuards(UserAccountRepository accounts, AuditLog audit, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	AccountStateFilter accountState() {
		return new AccountStateFilter(accounts, audit, transaction);
	}
}
