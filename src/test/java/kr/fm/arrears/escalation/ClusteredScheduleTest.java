package kr.fm.arrears.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import kr.fm.arrears.scheduling.QuartzSchedules;
import kr.fm.arrears.scheduling.ScheduledJob;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.TriggerKey;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two service instances sharing one database, as two Quartz schedulers clustered on this test's
 * schema, each able to launch the real escalation job: a firing runs on one of them only.
 */
@ServiceTest
class ClusteredScheduleTest {

    @Autowired ApplicationContext context;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired List<ScheduledJob> schedules;
    @Autowired JdbcClient jdbc;

    @Autowired Scheduler serviceScheduler;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;

    private final AtomicInteger fired = new AtomicInteger();

    @Test
    void the_service_stores_both_schedules_in_seoul_time_and_the_test_profile_keeps_quartz_from_firing() throws Exception {
        assertThat(serviceScheduler.isStarted()).isFalse();
        assertThat(((CronTrigger) serviceScheduler.getTrigger(TriggerKey.triggerKey("escalation"))).getCronExpression())
                .isEqualTo("0 0 9 * * ?");
        CronTrigger charges = (CronTrigger) serviceScheduler.getTrigger(TriggerKey.triggerKey("monthly-charges"));
        assertThat(charges.getCronExpression()).isEqualTo("0 0 6 1 * ?");
        assertThat(charges.getTimeZone().getID()).isEqualTo("Asia/Seoul");
        assertThat(charges.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(serviceScheduler.getJobDetail(JobKey.jobKey("monthly-charges")).getJobClass().getSimpleName())
                .isEqualTo("MonthlyCharges");
    }
    private final List<SchedulerFactoryBean> nodes = new ArrayList<>();

    @Test
    void two_clustered_schedulers_fire_the_daily_run_once() throws Exception {
        Scheduler a = node("cluster", "node-a");
        Scheduler b = node("cluster", "node-b");
        ScheduledJob escalation = escalation();
        a.addJob(QuartzSchedules.jobDetail(escalation), true);
        a.scheduleJob(TriggerBuilder.newTrigger().withIdentity("soon").forJob(escalation.name())
                .startAt(Date.from(Instant.now().plusSeconds(2))).build());
        a.start();
        b.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> completedScheduledRuns() == 1);
        // and it stays at one: the other node never fired it
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 1 && scheduledRuns() == 1);
    }

    @Test
    void a_daily_run_missed_while_every_instance_was_down_runs_once_on_start_up() throws Exception {
        Scheduler node = node("misfire", "node-a");
        ScheduledJob escalation = escalation();
        node.addJob(QuartzSchedules.jobDetail(escalation), true);
        // stored three days ago and never fired since: three 09:00 firings missed
        node.scheduleJob(QuartzSchedules.trigger(escalation).getTriggerBuilder()
                .startAt(Date.from(Instant.now().minus(Duration.ofDays(3)))).build());
        node.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> completedScheduledRuns() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 1 && scheduledRuns() == 1);
        assertThat(node.getTrigger(TriggerKey.triggerKey(escalation.name())).getNextFireTime()).isInTheFuture();
    }

    @Test
    void the_monthly_charges_job_fired_by_quartz_creates_next_months_charges() throws Exception {
        clock.set(LocalDate.of(2026, 4, 15));
        long lease = portfolios.given().lease(Portfolios.lease("QUARTZ-1").unit("201")).make().leaseId("QUARTZ-1"); // charges March to May
        clock.set(LocalDate.of(2026, 5, 1));
        Scheduler node = node("charges", "node-a");
        ScheduledJob monthly = schedules.stream().filter(s -> s.name().equals("monthly-charges")).findFirst().orElseThrow();
        node.addJob(QuartzSchedules.jobDetail(monthly), true);
        node.start();
        node.triggerJob(JobKey.jobKey("monthly-charges"));

        // rent and management fee for June, due 10 June
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM charge WHERE lease_id = ? AND due_date = DATE '2026-06-10'").param(lease).query(Long.class).single() == 2);
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (SchedulerFactoryBean n : nodes) {
            n.destroy();
        }
        jdbc.sql("DELETE FROM escalation_run").update();
    }

    private Scheduler node(String cluster, String instanceId) throws Exception {
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.put("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        p.put("org.quartz.threadPool.threadCount", "2");
        SpringBeanJobFactory jobs = new SpringBeanJobFactory();
        jobs.setApplicationContext(context);
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName(cluster);
        factory.setQuartzProperties(p);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setJobFactory(jobs);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.afterPropertiesSet();
        nodes.add(factory);
        Scheduler scheduler = factory.getScheduler();
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "count-" + instanceId;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext c, JobExecutionException e) {
                fired.incrementAndGet();
            }
        });
        return scheduler;
    }

    private ScheduledJob escalation() {
        return schedules.stream().filter(s -> s.name().equals("escalation")).findFirst().orElseThrow();
    }

    private long scheduledRuns() {
        return jdbc.sql("SELECT count(*) FROM escalation_run WHERE requested_by = 'SYSTEM'").query(Long.class).single();
    }

    private long completedScheduledRuns() {
        return jdbc.sql("SELECT count(*) FROM escalation_run WHERE requested_by = 'SYSTEM' AND status = 'COMPLETED'")
                .query(Long.class).single();
    }
}
