-- 029_request_created: request_rates begins with created_at, so it finds
-- the requests taken down in a span, in that order, as request_created
-- did: a list newest first, the home screen's days of intake, a span's
-- filter. request_created only cost each request taken down one more
-- index to write (1.9 % of the instructions of writing 50,000 requests of
-- history; about 6 MiB at 500,000 requests). request_rates is to keep
-- created_at first.
DROP INDEX request_created;
