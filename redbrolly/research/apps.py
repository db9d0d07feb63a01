from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "redbrolly.research"
    label = "research"

    def ready(self) -> None:
        from redbrolly.lib import jobs
        from redbrolly.research import tasks

        jobs.register("research.follow_ups", every=600)(tasks.send_follow_ups)
        jobs.register("research.member_invitations", every=3600)(tasks.invite_new_members)
