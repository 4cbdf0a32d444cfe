-- Users of a tenant (API.md "Identity and roles"). The e-mail address is the login name, unique platform-wide.
create table app_user (
    id               uuid        primary key,
    tenant_id        text        not null references tenant (id),
    email            text        not null,
    display_name     text        not null,
    role             text        not null check (role in ('USER', 'FLEET_MANAGER', 'ADMIN')),
    -- Null until the invitation is accepted; a DelegatingPasswordEncoder hash ({bcrypt}...) otherwise.
    password_hash    text,
    enabled          boolean     not null default true,
    failed_logins    integer     not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create unique index app_user_email_unique on app_user (lower(email));
create index app_user_tenant on app_user (tenant_id, created_at);

-- OAuth2 client_credentials API clients. A tenant's clients have a tenant and a role USER..ADMIN; the operator
-- client has role OPERATOR and no tenant. Only the secret's hash is kept.
create table api_client (
    id               uuid        primary key,
    client_id        text        not null unique,
    tenant_id        text        references tenant (id),
    name             text        not null,
    role             text        not null check (role in ('USER', 'FLEET_MANAGER', 'ADMIN', 'OPERATOR')),
    secret_hash      text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint api_client_tenant_role check ((role = 'OPERATOR') = (tenant_id is null))
);
create index api_client_tenant on api_client (tenant_id, created_at);

-- One-time tokens of the invitation and password-reset mails (the mail carries a signed token naming the row).
create table account_token (
    id               uuid        primary key,
    user_id          uuid        not null references app_user (id) on delete cascade,
    purpose          text        not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    expires_at       timestamptz not null,
    used_at          timestamptz,
    created_at       timestamptz not null default now()
);
create index account_token_user on account_token (user_id);

-- JWT signing keys: the newest is active, the previous ones stay published in the JWKS until they are pruned.
-- The private key is encrypted with AES-GCM under a key derived from FLEETGRID_AUTH_SECRET.
create table signing_key (
    kid              text        primary key,
    algorithm        text        not null,
    public_key       bytea       not null,
    private_key      bytea       not null,
    created_at       timestamptz not null default now()
);

-- Spring Authorization Server's JDBC authorization store (its schema, with PostgreSQL types).
create table oauth2_authorization (
    id                            varchar(100)  primary key,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
-- The JDBC service looks tokens up by value; hash indexes keep those lookups cheap.
create index oauth2_authorization_state on oauth2_authorization using hash (state);
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_refresh on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_id_token on oauth2_authorization using hash (oidc_id_token_value);
create index oauth2_authorization_expiry on oauth2_authorization (access_token_expires_at);
