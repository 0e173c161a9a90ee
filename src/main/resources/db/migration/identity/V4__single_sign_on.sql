-- Single sign-on (OpenID Connect). An account made at a first sign-on has no local password, and no role until the
-- provider's claim maps one or an administrator grants one.
ALTER TABLE identity.user_account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE identity.user_account ALTER COLUMN role DROP NOT NULL;

-- Which provider identity (issuer and subject, OpenID Connect Core 1.0 section 2: "sub" is unique only within its
-- issuer) signs in to which account. An account has at most one link per issuer.
CREATE TABLE identity.sso_link (
  issuer     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  account_id UUID NOT NULL REFERENCES identity.user_account (id),
  linked_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (issuer, account_id)
);

GRANT SELECT, INSERT ON identity.sso_link TO ${app_role};
