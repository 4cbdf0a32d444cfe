-- Two writers number the steps of one alert: the stream-processor (RAISED, UPDATED, CLEARED) and device-service's
-- acknowledgement (ACKNOWLEDGED). The processor does not read acknowledgements, so an ACKNOWLEDGED step and the
-- processor's next step can carry the same version; a parked step is therefore identified by its status too.
alter table pending_alert add column alert_status text not null default '';
update pending_alert set alert_status = coalesce((alert::jsonb) ->> 'status', '');
alter table pending_alert alter column alert_status drop default;
alter table pending_alert drop constraint pending_alert_pkey;
alter table pending_alert add primary key (alert_id, alert_version, alert_status);
