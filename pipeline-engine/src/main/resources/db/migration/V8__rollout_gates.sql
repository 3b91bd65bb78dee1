-- Manual gates between rollout waves: the gate after wave N (0-based) is approved when approved_gates > N.
ALTER TABLE rollouts ADD COLUMN approved_gates INTEGER DEFAULT 0 NOT NULL;
