package kr.fm.arrears.scheduling;

import org.quartz.Job;

/**
 * A job the service runs on a Quartz cron (seconds first, '?' for the unused day field), in
 * Asia/Seoul. Declare one as a bean; {@link QuartzSchedules} registers it.
 */
public record ScheduledJob(String name, Class<? extends Job> jobClass, String cron, String description) {}
