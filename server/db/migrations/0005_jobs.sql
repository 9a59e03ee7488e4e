CREATE TABLE "job_daily_run" (
	"job_name" text NOT NULL,
	"run_on" date NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_daily_run_pkey" PRIMARY KEY("job_name","run_on")
);
