-- Where the merged candidate can be fetched from (the merge train's push target).
ALTER TABLE builds ADD COLUMN candidate_repo VARCHAR(2000);
