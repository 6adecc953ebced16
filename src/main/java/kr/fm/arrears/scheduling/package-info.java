/**
 * The clustered Quartz schedules: a module declares a {@link kr.fm.arrears.scheduling.ScheduledJob} bean,
 * {@link kr.fm.arrears.scheduling.QuartzSchedules} stores it in the JDBC job store (Asia/Seoul) once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package kr.fm.arrears.scheduling;
