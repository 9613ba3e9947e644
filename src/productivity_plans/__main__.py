from productivity_plans.cli import app

app(prog_name="prodplans")
