-- Recovery attempts per account and per caller address, shared by every replica (a limit kept in
-- each replica's memory gave an attacker N times the attempts with N replicas). A fixed window
-- per key: the first attempt opens it, lifeos.recovery.window later the count starts over. Rows
-- are short-lived: a scheduled job deletes expired windows. Not tenant data (the endpoint has no
-- user yet), so no row-level security; nothing here names more than a typed login or an address.
CREATE TABLE recovery_attempts (
    scope        varchar(16)  NOT NULL CHECK (scope IN ('account', 'address')),
    key          varchar(400) NOT NULL,
    window_start timestamptz  NOT NULL,
    attempts     integer      NOT NULL CHECK (attempts > 0),
    PRIMARY KEY (scope, key)
);
CREATE INDEX recovery_attempts_window ON recovery_attempts (window_start);
