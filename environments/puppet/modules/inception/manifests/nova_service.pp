# A Nova control service of the build (nova-api, nova-scheduler, nova-conductor; the title names
# it): its package at the build's version, its configuration file with the cell's message queue,
# the API database and Keystone, and the service running (restarted when the file changes).
define inception::nova_service {
  include inception

  package { $title:
    ensure => $inception::version,
  }

  file { "/etc/nova/${title}.conf":
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "DEFAULT" => { "transport_url" => "rabbit://nova:${inception::rabbit_password_text}@rabbitmq:5672/" },
      "api_database" => { "connection" => "mysql+pymysql://nova:${inception::db_password_text}@mysql/nova_api" },
      "keystone_authtoken" => { "www_authenticate_uri" => $inception::endpoints["keystone"] },
    } })),
    require   => Package[$title],
    notify    => Service[$title],
  }

  service { $title:
    ensure => running,
    enable => true,
  }
}
